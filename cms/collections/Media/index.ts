import path from 'node:path'
import type { CollectionConfig } from 'payload'
import { isEditor } from '../../access/isEditor'
import { publicOrEditor } from '../../access/publicOrEditor'
import { RASTER_TYPES, rasterOnly } from './rasterOnly'

/** Files are served from the CMS's origin: never sniffed into something else, never a document. */
export const MEDIA_FILE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'none'; sandbox",
}

export const Media: CollectionConfig = {
  slug: 'media',
  labels: { singular: { de: 'Medium', en: 'Media' }, plural: { de: 'Medien', en: 'Media' } },
  // The public reads (lists, files) only media a published article shows (`public`).
  access: { read: publicOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  hooks: { beforeOperation: [rasterOnly] },
  upload: {
    staticDir: path.resolve(
      /* turbopackIgnore: true */ process.cwd(),
      process.env.MEDIA_DIR ?? 'data/media',
    ),
    mimeTypes: RASTER_TYPES,
    modifyResponseHeaders: ({ headers }) => {
      for (const [name, value] of Object.entries(MEDIA_FILE_HEADERS)) headers.set(name, value)
      return headers
    },
  },
  fields: [
    { name: 'alt', type: 'text', required: true, label: { de: 'Alternativtext', en: 'Alt text' } },
    {
      // Kept by the articles' hooks (publicMedia.ts), never by hand.
      name: 'public',
      type: 'checkbox',
      defaultValue: false,
      index: true,
      access: { create: () => false, update: () => false },
      admin: { hidden: true },
    },
  ],
}
