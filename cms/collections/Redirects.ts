import type { CollectionConfig } from 'payload'
import { anyone } from '../access/anyone'
import { isEditor } from '../access/isEditor'

/** Old URLs that lead to new ones; written when a published article's slug changes. */
export const Redirects: CollectionConfig = {
  slug: 'redirects',
  labels: {
    singular: { de: 'Weiterleitung', en: 'Redirect' },
    plural: { de: 'Weiterleitungen', en: 'Redirects' },
  },
  access: { read: anyone, create: isEditor, update: isEditor, delete: isEditor },
  admin: { useAsTitle: 'from', defaultColumns: ['from', 'to', 'updatedAt'] },
  fields: [
    {
      name: 'from',
      type: 'text',
      required: true,
      unique: true,
      label: { de: 'Von (Pfad)', en: 'From (path)' },
    },
    { name: 'to', type: 'text', required: true, label: { de: 'Nach (Pfad)', en: 'To (path)' } },
  ],
}
