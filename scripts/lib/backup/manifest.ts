import { z } from 'zod'

/** Where things sit inside a Leuchtturm backup archive. */
export const ARCHIVE = {
  manifest: 'manifest.json',
  database: 'database.sqlite',
  /** MEDIA_DIR's contents. */
  media: 'media',
  /** The files directly in DATA_DIR: the generated secret and keys. */
  data: 'data',
} as const

export const BACKUP_FORMAT = 'leuchtturm-backup'

/** manifest.json: written first into every archive, read first by a restore. */
export const backupManifest = z.object({
  format: z.literal(BACKUP_FORMAT),
  version: z.literal(1),
  createdAt: z.iso.datetime(),
  database: z.object({
    kind: z.literal('sqlite'),
    bytes: z.number().int().nonnegative(),
    migrations: z.array(z.string()),
  }),
  files: z.object({
    media: z.number().int().nonnegative(),
    data: z.array(z.string().regex(/^[^/\\]+$/)),
  }),
})
export type BackupManifest = z.infer<typeof backupManifest>
