import type { Locale } from '../../../contract'
import { renderEmail, type Rendered } from './layout'

type Unsubscribe = { url: string }

const unsubscribeLabel = { de: 'Benachrichtigungen abbestellen', en: 'Unsubscribe' }
const why = {
  de: 'Sie erhalten diese E-Mail, weil Sie die Benachrichtigung bestätigt haben.',
  en: 'You get this email because you confirmed these notifications.',
}

/** A new comment on an article the reader follows, or a reply to the reader's own comment. */
export function commentEmail(args: {
  locale: Locale
  kind: 'comment' | 'reply'
  articleTitle: string
  authorName: string
  body: string
  url: string
  unsubscribe: Unsubscribe
}): Rendered {
  const { locale, kind, articleTitle: title, authorName: name } = args
  const de = locale === 'de'
  const subject = de
    ? kind === 'reply'
      ? `Neue Antwort auf Ihren Kommentar zu „${title}“`
      : `Neuer Kommentar zu „${title}“`
    : kind === 'reply'
      ? `New reply to your comment on “${title}”`
      : `New comment on “${title}”`
  return renderEmail({
    locale,
    subject,
    greeting: de ? 'Hallo,' : 'Hello,',
    paragraphs: [de ? `${name} hat geschrieben:` : `${name} wrote:`],
    quote: args.body.length > 1200 ? `${args.body.slice(0, 1200)} …` : args.body,
    action: { label: de ? 'Zum Kommentar' : 'Read the comment', url: args.url },
    footer: [why[locale]],
    unsubscribe: { label: unsubscribeLabel[locale], url: args.unsubscribe.url },
  })
}

/** Several comments since the follower's last email, each with its link (the digest). */
export function digestEmail(args: {
  locale: Locale
  kind: 'comment' | 'reply'
  articleTitle: string
  /** the comments quoted (the oldest first); `total` counts them all */
  comments: { authorName: string; body: string; url: string }[]
  total?: number
  unsubscribe: Unsubscribe
}): Rendered {
  const { locale, kind, articleTitle: title, comments } = args
  const de = locale === 'de'
  const n = args.total ?? comments.length
  const more = n - comments.length
  const subject = de
    ? kind === 'reply'
      ? `${n} neue Antworten auf Ihren Kommentar zu „${title}“`
      : `${n} neue Kommentare zu „${title}“`
    : kind === 'reply'
      ? `${n} new replies to your comment on “${title}”`
      : `${n} new comments on “${title}”`
  const excerpt = (body: string) => (body.length > 300 ? `${body.slice(0, 300)} …` : body)
  return renderEmail({
    locale,
    subject,
    greeting: de ? 'Hallo,' : 'Hello,',
    paragraphs: [
      de
        ? `seit unserer letzten E-Mail gibt es ${n} neue Beiträge:`
        : `since our last email there are ${n} new posts:`,
      ...comments.map((c) => `${c.authorName}: ${excerpt(c.body)} – ${c.url}`),
      ...(more > 0
        ? [
            de
              ? `… und ${more} weitere in der Diskussion.`
              : `… and ${more} more in the discussion.`,
          ]
        : []),
    ],
    action: { label: de ? 'Zur Diskussion' : 'Read the discussion', url: comments[0]?.url ?? '' },
    footer: [why[locale]],
    unsubscribe: { label: unsubscribeLabel[locale], url: args.unsubscribe.url },
  })
}

/** A new article for readers who follow new posts. */
export function postEmail(args: {
  locale: Locale
  title: string
  excerpt: string
  url: string
  siteName: string
  unsubscribe: Unsubscribe
}): Rendered {
  const de = args.locale === 'de'
  return renderEmail({
    locale: args.locale,
    subject: de ? `Neuer Artikel: ${args.title}` : `New article: ${args.title}`,
    greeting: de ? 'Hallo,' : 'Hello,',
    paragraphs: [
      de
        ? `auf ${args.siteName} ist ein neuer Artikel erschienen: „${args.title}“.`
        : `${args.siteName} published a new article: “${args.title}”.`,
      ...(args.excerpt ? [args.excerpt] : []),
    ],
    action: { label: de ? 'Artikel lesen' : 'Read the article', url: args.url },
    footer: [why[args.locale]],
    unsubscribe: { label: unsubscribeLabel[args.locale], url: args.unsubscribe.url },
  })
}

export type WaitingComment = {
  articleTitle: string
  authorName: string
  body: string
  adminUrl: string
}

/** To the editors: comments wait for approval (one, quoted; or several, listed with links). */
export function editorPendingEmail(
  comments: WaitingComment[],
  listUrl: string,
  total: number = comments.length,
): Rendered {
  const footer = [
    'Diese E-Mail geht an EDITOR_EMAIL (oder alle Redakteure), solange Kommentare moderiert werden.',
  ]
  const [only] = comments
  if (total === 1 && only) {
    return renderEmail({
      locale: 'de',
      subject: `Kommentar wartet auf Freigabe: „${only.articleTitle}“`,
      greeting: 'Hallo Redaktion,',
      paragraphs: [`${only.authorName} hat einen Kommentar geschrieben, der auf Freigabe wartet:`],
      quote: only.body,
      action: { label: 'Im Admin prüfen', url: only.adminUrl },
      footer,
    })
  }
  const excerpt = (body: string) => (body.length > 160 ? `${body.slice(0, 160)} …` : body)
  return renderEmail({
    locale: 'de',
    subject: `${total} Kommentare warten auf Freigabe`,
    greeting: 'Hallo Redaktion,',
    paragraphs: [
      `${total} neue Kommentare warten auf Freigabe:`,
      ...comments.map(
        (c) => `${c.authorName} zu „${c.articleTitle}“: ${excerpt(c.body)} (${c.adminUrl})`,
      ),
      ...(total > comments.length
        ? [`… und ${total - comments.length} weitere, alle in der Liste im Admin.`]
        : []),
    ],
    action: { label: 'Alle wartenden Kommentare im Admin', url: listUrl },
    footer,
  })
}
