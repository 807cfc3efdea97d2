import type { CollectionConfig } from 'payload'

/**
 * The rate limits' counters when several CMS processes share one database (RATE_LIMIT_STORE=
 * database): one document per limit and key, counting until `expiresAt`. Hidden; only the CMS
 * writes it (cms/http/rateLimitStore.ts), with the adapter's atomic increment.
 */
export const RateLimits: CollectionConfig = {
  slug: 'rate-limits',
  admin: { hidden: true },
  access: { read: () => false, create: () => false, update: () => false, delete: () => false },
  fields: [
    { name: 'key', type: 'text', required: true, unique: true, index: true },
    { name: 'points', type: 'number', required: true, defaultValue: 0 },
    { name: 'expiresAt', type: 'date', required: true, index: true },
  ],
}
