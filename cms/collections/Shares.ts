import type { CollectionConfig } from 'payload'
import { isEditor } from '../access/isEditor'
import { SHARE_NETWORK_NAMES } from '../../contract'

/** Clicks on an article's share links, one counter per network (the seed's share count). */
export const Shares: CollectionConfig = {
  slug: 'shares',
  labels: {
    singular: { de: 'Teilen-Zähler', en: 'Share count' },
    plural: { de: 'Geteilt', en: 'Shares' },
  },
  access: { read: isEditor, create: () => false, update: () => false, delete: isEditor },
  admin: { defaultColumns: ['article', 'network', 'count'] },
  indexes: [{ fields: ['article', 'network'], unique: true }],
  fields: [
    { name: 'article', type: 'relationship', relationTo: 'articles', required: true, index: true },
    { name: 'network', type: 'select', required: true, options: [...SHARE_NETWORK_NAMES] },
    { name: 'count', type: 'number', required: true, defaultValue: 0 },
  ],
}
