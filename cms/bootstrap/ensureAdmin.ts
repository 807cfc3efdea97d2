import type { Payload } from 'payload'

export type AdminResult = 'created' | 'exists' | 'skipped'

/**
 * Creates the first editor from ADMIN_EMAIL / ADMIN_PASSWORD when no user exists yet.
 * Without them the first editor registers in the admin (Payload's create-first-user view).
 */
export async function ensureAdmin(
  payload: Payload,
  env: { email?: string | undefined; password?: string | undefined },
): Promise<AdminResult> {
  const { totalDocs } = await payload.count({ collection: 'users', overrideAccess: true })
  if (totalDocs > 0) return 'exists'
  if (!env.email || !env.password) return 'skipped'
  await payload.create({
    collection: 'users',
    overrideAccess: true,
    data: { email: env.email, password: env.password, name: env.email.split('@')[0] },
  })
  return 'created'
}
