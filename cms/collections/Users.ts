import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { de: 'Redakteur', en: 'Editor' },
    plural: { de: 'Redaktion', en: 'Editors' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email'] },
  auth: true,
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  fields: [{ name: 'name', type: 'text', label: { de: 'Name', en: 'Name' } }],
}
