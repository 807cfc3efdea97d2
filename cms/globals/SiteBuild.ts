import type { GlobalConfig } from 'payload'
import { isEditor } from '../access/isEditor'

/** The state of the last site build, shown to editors with a "Rebuild now" button. */
export const SiteBuild: GlobalConfig = {
  slug: 'site-build',
  label: { de: 'Website-Veröffentlichung', en: 'Site publishing' },
  access: { read: isEditor, update: () => false },
  admin: {
    description: {
      de: 'Veröffentlichen, Zurückziehen und Ändern veröffentlichter Artikel baut die Website automatisch neu.',
      en: 'Publishing, unpublishing and editing published articles rebuild the site automatically.',
    },
  },
  fields: [
    {
      name: 'rebuild',
      type: 'ui',
      admin: { components: { Field: '/publishing/RebuildButton#RebuildButton' } },
    },
    {
      name: 'state',
      type: 'select',
      defaultValue: 'idle',
      options: [
        { value: 'idle', label: { de: 'Bereit', en: 'Idle' } },
        { value: 'queued', label: { de: 'Geplant', en: 'Queued' } },
        { value: 'building', label: { de: 'Wird gebaut', en: 'Building' } },
        { value: 'succeeded', label: { de: 'Erfolgreich', en: 'Succeeded' } },
        { value: 'failed', label: { de: 'Fehlgeschlagen', en: 'Failed' } },
      ],
      admin: { readOnly: true },
      label: { de: 'Status', en: 'State' },
    },
    {
      name: 'lastStartedAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      label: { de: 'Letzter Start', en: 'Last started' },
    },
    {
      name: 'lastFinishedAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      label: { de: 'Zuletzt beendet', en: 'Last finished' },
    },
    {
      name: 'lastSuccessAt',
      type: 'date',
      admin: { readOnly: true, date: { pickerAppearance: 'dayAndTime' } },
      label: { de: 'Zuletzt erfolgreich', en: 'Last success' },
    },
    {
      name: 'lastDurationMs',
      type: 'number',
      admin: { readOnly: true },
      label: { de: 'Dauer (ms)', en: 'Duration (ms)' },
    },
    {
      name: 'lastError',
      type: 'textarea',
      admin: { readOnly: true },
      label: { de: 'Letzter Fehler', en: 'Last error' },
    },
  ],
}
