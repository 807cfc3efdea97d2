import { formErrorPage } from '../http/formErrorPage'
import type { Locale } from '../http/locale'
import type { FieldError } from '../http/responses'

/** The comment form again, filled in, with the errors of a no-JS post. */
export function commentFormErrorPage(args: { locale: Locale; action: string; articleUrl: string; errors: FieldError[]; values: Record<string, unknown> }): Response {
  const de = args.locale === 'de'
  const privacy = `<a href="${new URL('/datenschutz/', args.articleUrl)}">${de ? 'Datenschutzerklärung' : 'privacy policy'}</a>`
  return formErrorPage({
    lang: args.locale,
    title: de ? 'Ihr Kommentar wurde noch nicht gespeichert' : 'Your comment was not saved yet',
    errors: args.errors,
    action: args.action,
    values: args.values,
    submit: de ? 'Kommentar abschicken' : 'Post comment',
    back: { url: args.articleUrl, label: de ? 'Zurück zum Artikel' : 'Back to the article' },
    fields: [
      { name: 'name', label: 'Name', type: 'text' },
      { name: 'email', label: de ? 'E-Mail (wird nicht veröffentlicht)' : 'Email (never published)', type: 'email' },
      { name: 'website', label: de ? 'Website (optional)' : 'Website (optional)', type: 'url' },
      { name: 'body', label: de ? 'Kommentar' : 'Comment', type: 'textarea' },
      { name: 'parent', type: 'hidden' },
      { name: 'lang', type: 'hidden' },
      {
        name: 'notify',
        label: de ? 'Benachrichtige mich zu:' : 'Notify me of:',
        type: 'select',
        options: de
          ? [
              { value: 'none', label: 'nichts' },
              { value: 'replies', label: 'Antworten auf meinen Kommentar' },
              { value: 'article', label: 'allen neuen Kommentaren' },
            ]
          : [
              { value: 'none', label: 'nothing' },
              { value: 'replies', label: 'replies to my comment' },
              { value: 'article', label: 'all new comments' },
            ],
      },
      {
        name: 'consent',
        type: 'checkbox',
        label: de
          ? `Ich bin einverstanden, dass meine Angaben zur Bearbeitung des Kommentars gespeichert werden (${privacy}).`
          : `I agree that my details are stored to handle my comment (${privacy}).`,
      },
    ],
  })
}
