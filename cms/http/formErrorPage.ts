import type { FieldError } from './responses'

export type FormField =
  | { name: string; label: string; type: 'text' | 'email' | 'url' | 'textarea' | 'checkbox' }
  | { name: string; type: 'hidden' }
  | { name: string; label: string; type: 'select'; options: { value: string; label: string }[] }

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

function renderField(field: FormField, value: unknown): string {
  const v = escape(value)
  switch (field.type) {
    case 'hidden':
      return `<input type="hidden" name="${field.name}" value="${v}">`
    case 'textarea':
      return `<p><label for="${field.name}">${field.label}</label><br><textarea id="${field.name}" name="${field.name}" rows="8">${v}</textarea></p>`
    case 'checkbox':
      return `<p><label><input type="checkbox" name="${field.name}" value="on"${value ? ' checked' : ''}> ${field.label}</label></p>`
    case 'select':
      return `<p><label for="${field.name}">${field.label}</label><br><select id="${field.name}" name="${field.name}">${field.options
        .map((o) => `<option value="${escape(o.value)}"${o.value === value ? ' selected' : ''}>${escape(o.label)}</option>`)
        .join('')}</select></p>`
    default:
      return `<p><label for="${field.name}">${field.label}</label><br><input id="${field.name}" name="${field.name}" type="${field.type}" value="${v}"></p>`
  }
}

/**
 * The answer to a no-JS form post with bad input: the errors, and the same form again with
 * everything the reader typed, so nothing is lost. Labels may contain trusted HTML (links).
 */
export function formErrorPage(args: {
  lang: 'de' | 'en'
  title: string
  errors: FieldError[]
  action: string
  fields: FormField[]
  values: Record<string, unknown>
  submit: string
  back: { url: string; label: string }
}): Response {
  const { lang, title, errors, action, fields, values, submit, back } = args
  const html = `<!doctype html>
<html lang="${lang}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escape(title)}</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}input:not([type=checkbox]),textarea,select{width:100%;font:inherit}.errors{color:#a40000}</style></head>
<body><main>
<h1>${escape(title)}</h1>
<div class="errors" role="alert"><p>${lang === 'de' ? 'Bitte korrigieren Sie:' : 'Please correct:'}</p><ul>${errors.map((e) => `<li>${escape(e.message)}</li>`).join('')}</ul></div>
<form method="post" action="${escape(action)}">
${fields.map((field) => renderField(field, values[field.name])).join('\n')}
<p><button type="submit">${escape(submit)}</button></p>
</form>
<p><a href="${escape(back.url)}">${escape(back.label)}</a></p>
</main></body></html>`
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } })
}
