import { NOTIFY_CHOICES } from '../../contract'
import { consentLabel } from '../http/consentLabel'
import { formErrorPage } from '../http/formErrorPage'
import type { Locale } from '../http/locale'
import type { FieldError } from '../http/responses'
import { message } from '../i18n/messages'

const NOTIFY_LABELS = {
  none: 'notifyNone',
  replies: 'notifyReplies',
  article: 'notifyArticle',
} as const

/** The comment form again, filled in, with the errors of a no-JS post. */
export function commentFormErrorPage(args: {
  locale: Locale
  action: string
  articleUrl: string
  errors: FieldError[]
  values: Record<string, unknown>
}): Response {
  const { locale } = args
  const t = (key: Parameters<typeof message>[1]) => message(locale, key)
  return formErrorPage({
    locale,
    title: t('commentNotSaved'),
    errors: args.errors,
    action: args.action,
    values: args.values,
    submit: t('commentSubmit'),
    back: { url: args.articleUrl, label: t('backToArticle') },
    fields: [
      { name: 'name', label: t('fieldName'), type: 'text' },
      { name: 'email', label: t('fieldEmailPrivate'), type: 'email' },
      { name: 'website', label: t('fieldWebsite'), type: 'url' },
      { name: 'body', label: t('fieldComment'), type: 'textarea' },
      { name: 'parent', type: 'hidden' },
      { name: 'lang', type: 'hidden' },
      // The form's original token (the time it was first shown still counts), renewed once expired.
      { name: 'formToken', type: 'hidden' },
      {
        name: 'notify',
        label: t('notifyLabel'),
        type: 'select',
        options: NOTIFY_CHOICES.map((value) => ({ value, label: t(NOTIFY_LABELS[value]) })),
      },
      { name: 'consent', type: 'checkbox', label: consentLabel('comment', locale) },
    ],
  })
}
