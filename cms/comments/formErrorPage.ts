import type { FieldError } from '../http/responses'

const escape = (value: unknown) =>
  String(value ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c)

/**
 * The answer to a no-JS form post with bad input: the errors, and the form again with everything
 * the reader typed, so nothing is lost.
 */
export function formErrorPage(args: { action: string; articleUrl: string; errors: FieldError[]; values: Record<string, unknown> }): Response {
  const { action, articleUrl, errors, values } = args
  const field = (name: string, label: string, type = 'text') =>
    `<p><label for="${name}">${label}</label><br><input id="${name}" name="${name}" type="${type}" value="${escape(values[name])}"></p>`
  const html = `<!doctype html>
<html lang="de"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Kommentar nicht gespeichert</title>
<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.5}input,textarea{width:100%;font:inherit}.errors{color:#a40000}</style></head>
<body><main>
<h1>Ihr Kommentar wurde noch nicht gespeichert</h1>
<div class="errors" role="alert"><p>Bitte korrigieren Sie:</p><ul>${errors.map((e) => `<li>${escape(e.message)}</li>`).join('')}</ul></div>
<form method="post" action="${escape(action)}">
${field('name', 'Name')}
${field('email', 'E-Mail (wird nicht veröffentlicht)', 'email')}
${field('website', 'Website (optional)', 'url')}
<p><label for="body">Kommentar</label><br><textarea id="body" name="body" rows="8">${escape(values.body)}</textarea></p>
<input type="hidden" name="parent" value="${escape(values.parent)}">
<p><label><input type="checkbox" name="consent" value="on"${values.consent ? ' checked' : ''}> Ich bin einverstanden, dass meine Angaben zur Bearbeitung des Kommentars gespeichert werden (<a href="${escape(new URL('/datenschutz/', articleUrl))}">Datenschutzerklärung</a>).</label></p>
<p><button type="submit">Kommentar abschicken</button></p>
</form>
<p><a href="${escape(articleUrl)}">Zurück zum Artikel</a></p>
</main></body></html>`
  return new Response(html, { status: 400, headers: { 'content-type': 'text/html; charset=utf-8' } })
}
