import { buildCmsIfStale } from '../../scripts/lib/buildCms'

/** End-to-end files start the stack in parallel; the admin is built once, before any of them. */
export default async function setup(): Promise<void> {
  await buildCmsIfStale()
}
