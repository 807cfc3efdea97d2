import escapeHtml from 'escape-html'

/** HTML that is already safe (built by `html` or trusted markup); anything else is escaped. */
export class SafeHtml {
  constructor(readonly value: string) {}
  toString(): string {
    return this.value
  }
}

type Interpolation =
  SafeHtml | string | number | null | undefined | false | readonly Interpolation[]

const render = (value: Interpolation): string =>
  value instanceof SafeHtml
    ? value.value
    : Array.isArray(value)
      ? value.map(render).join('')
      : value === null || value === undefined || value === false
        ? ''
        : escapeHtml(String(value))

/**
 * The one way the CMS writes HTML (its pages and emails): every interpolated value is escaped
 * unless it is itself `html` (or marked with `trusted`), so a reader's input can never become markup.
 */
export const html = (strings: TemplateStringsArray, ...values: Interpolation[]): SafeHtml =>
  new SafeHtml(
    strings.reduce(
      (out, part, i) => out + part + (i < values.length ? render(values[i]!) : ''),
      '',
    ),
  )

/** Markup written by this project (never reader input), e.g. a link inside a translated label. */
export const trusted = (markup: string): SafeHtml => new SafeHtml(markup)

export { escapeHtml }
