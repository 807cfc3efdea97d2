import { apiPaths } from '../../contract'
import { consentLabel } from '../http/consentLabel'
import { formErrorPage } from '../http/formErrorPage'
import type { Locale } from '../http/locale'
import type { FieldError } from '../http/responses'
import { message } from '../i18n/messages'

/** The subscribe form again, filled in, with the errors of a no-JS post. */
export function subscribeFormErrorPage(args: {
  locale: Locale
  errors: FieldError[]
  values: Record<string, unknown>
  back: string
}): Response {
  const t = (key: Parameters<typeof message>[1]) => message(args.locale, key)
  return formErrorPage({
    locale: args.locale,
    title: t('subscriptionNotRequested'),
    errors: args.errors,
    action: apiPaths.subscriptions,
    values: args.values,
    submit: t('subscribe'),
    back: { url: args.back, label: t('back') },
    fields: [
      { name: 'email', label: t('fieldEmail'), type: 'email' },
      {
        name: 'scope',
        label: t('notifyLabel'),
        type: 'select',
        options: [
          { value: 'article', label: t('scopeArticle') },
          { value: 'posts', label: t('scopePosts') },
        ],
      },
      { name: 'article', type: 'hidden' },
      { name: 'lang', type: 'hidden' },
      { name: 'consent', type: 'checkbox', label: consentLabel('subscription', args.locale) },
    ],
  })
}
