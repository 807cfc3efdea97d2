import type { CollectionConfig } from 'payload'
import { slugField } from 'payload'
import { isEditor } from '../../access/isEditor'
import { siteUrl } from '../../config/urls'
import { publishedOrEditor } from '../../access/publishedOrEditor'
import type { Article } from '../../payload-types'
import { bumpThreadStampHooks } from '../CommentThreads/bumpHooks'
import { announceThreadChange } from '../CommentThreads/stamp'
import { deriveSlug } from './hooks/deriveSlug'
import { queueNewPostNotification } from './hooks/queueNewPostNotification'
import { rebuildOnDelete, rebuildOnPublishedChange } from './hooks/rebuildSite'
import { recordSlugChange } from './hooks/recordSlugChange'
import { setPublishedAt } from './hooks/setPublishedAt'
import {
  publicMediaOnChange,
  publicMediaOnDelete,
  rememberLiveMedia,
} from './hooks/syncPublicMedia'
import { toSlug } from './slugify'

/** Publishing, unpublishing, a new slug or closing comments change the public comment answer. */
const threadStamp = bumpThreadStampHooks<Article>(
  (doc) => doc.id,
  (doc) => doc._status === 'published',
)

export const Articles: CollectionConfig = {
  slug: 'articles',
  labels: { singular: { de: 'Artikel', en: 'Article' }, plural: { de: 'Artikel', en: 'Articles' } },
  admin: {
    useAsTitle: 'title',
    defaultColumns: ['title', 'slug', '_status', 'publishedAt'],
    // "Vorschau" in the edit view: the site's preview page shows the latest draft to logged-in editors.
    preview: (doc) => (doc?.id ? `${siteUrl()}/vorschau/?id=${String(doc.id)}` : null),
  },
  access: { read: publishedOrEditor, create: isEditor, update: isEditor, delete: isEditor },
  defaultSort: '-publishedAt',
  versions: {
    drafts: { autosave: { interval: 2000 }, schedulePublish: true },
    maxPerDoc: 50,
  },
  hooks: {
    beforeValidate: [deriveSlug],
    beforeChange: [setPublishedAt, rememberLiveMedia],
    afterChange: [
      recordSlugChange,
      publicMediaOnChange,
      queueNewPostNotification,
      rebuildOnPublishedChange,
      threadStamp.afterChange,
    ],
    afterDelete: [
      publicMediaOnDelete,
      rebuildOnDelete,
      // No stamp row for an article that is gone (its foreign key would refuse one): caches forget it.
      ({ doc }) => void announceThreadChange(doc.id),
    ],
  },
  fields: [
    {
      name: 'title',
      type: 'text',
      required: true,
      maxLength: 200,
      label: { de: 'Titel', en: 'Title' },
    },
    slugField({
      useAsSlug: 'title',
      slugify: ({ valueToSlugify }) => toSlug(String(valueToSlugify ?? '')),
    }),
    {
      name: 'excerpt',
      type: 'textarea',
      maxLength: 500,
      label: { de: 'Kurzfassung', en: 'Excerpt' },
      admin: {
        description: {
          de: 'Erscheint in Listen, im Feed und als Meta-Beschreibung.',
          en: 'Used in lists, the feed and as meta description.',
        },
      },
    },
    { name: 'body', type: 'richText', required: true, label: { de: 'Text', en: 'Body' } },
    {
      name: 'language',
      type: 'select',
      defaultValue: 'de',
      options: [
        { label: 'Deutsch', value: 'de' },
        { label: 'English', value: 'en' },
      ],
      label: { de: 'Sprache', en: 'Language' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'author',
      type: 'text',
      label: { de: 'Autor', en: 'Author' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'tags',
      type: 'text',
      hasMany: true,
      label: { de: 'Schlagwörter', en: 'Tags' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'publishedAt',
      type: 'date',
      index: true,
      label: { de: 'Veröffentlicht am', en: 'Published at' },
      admin: { position: 'sidebar', date: { pickerAppearance: 'dayAndTime' } },
    },
    {
      name: 'commentsOpen',
      type: 'checkbox',
      defaultValue: true,
      label: { de: 'Kommentare erlaubt', en: 'Comments open' },
      admin: { position: 'sidebar' },
    },
    {
      name: 'cover',
      type: 'upload',
      relationTo: 'media',
      label: { de: 'Titelbild', en: 'Cover image' },
    },
  ],
}
