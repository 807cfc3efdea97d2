import type { Locale } from '../../contract'
import { message } from '../i18n/messages'
import { html, type SafeHtml } from '../utilities/html'
import { htmlPage } from './htmlPage'
import type { FieldError } from './responses'

export type FormField =
  | {
      name: string
      label: SafeHtml | string
      type: 'text' | 'email' | 'url' | 'textarea' | 'checkbox'
    }
  | { name: string; type: 'hidden' }
  | { name: string; label: string; type: 'select'; options: { value: string; label: string }[] }

function renderField(field: FormField, value: unknown): SafeHtml {
  const v =
    typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value)
  switch (field.type) {
    case 'hidden':
      return html`<input type="hidden" name="${field.name}" value="${v}">`
    case 'textarea':
      return html`<p><label for="${field.name}">${field.label}</label><br><textarea id="${field.name}" name="${field.name}" rows="8">${v}</textarea></p>`
    case 'checkbox':
      return html`<p><label><input type="checkbox" name="${field.name}" value="on"${value ? html` checked` : ''}> ${field.label}</label></p>`
    case 'select':
      return html`<p><label for="${field.name}">${field.label}</label><br><select id="${field.name}" name="${field.name}">${field.options.map(
        (o) =>
          html`<option value="${o.value}"${o.value === value ? html` selected` : ''}>${o.label}</option>`,
      )}</select></p>`
    default:
      return html`<p><label for="${field.name}">${field.label}</label><br><input id="${field.name}" name="${field.name}" type="${field.type}" value="${v}"></p>`
  }
}

/**
 * The answer to a no-JS form post with bad input: the errors, and the same form again with
 * everything the reader typed, so nothing is lost.
 */
export function formErrorPage(args: {
  locale: Locale
  title: string
  errors: FieldError[]
  action: string
  fields: FormField[]
  values: Record<string, unknown>
  submit: string
  back: { url: string; label: string }
}): Response {
  const { locale, errors, action, fields, values, submit, back } = args
  const body = html`<div class="errors" role="alert"><p>${message(locale, 'pleaseCorrect')}</p><ul>${errors.map((e) => html`<li>${e.message}</li>`)}</ul></div>
<form method="post" action="${action}">
${fields.map((field) => html`${renderField(field, values[field.name])}\n`)}<p><button type="submit">${submit}</button></p>
</form>
<p><a href="${back.url}">${back.label}</a></p>`
  return htmlPage({ status: 400, lang: locale, title: args.title, body })
}
