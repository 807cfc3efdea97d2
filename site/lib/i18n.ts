import type { Locale } from '../../contract'

/** UI texts of the site, German first. */
export type Lang = Locale

const texts = {
  de: {
    skip: 'Zum Inhalt springen',
    home: 'Startseite',
    articles: 'Artikel',
    latest: 'Neueste Beiträge',
    noArticles: 'Noch keine Beiträge veröffentlicht.',
    by: 'von',
    readingTime: (m: number) => `${m} Min. Lesezeit`,
    tags: 'Schlagwörter',
    taggedWith: (tag: string) => `Beiträge zum Thema „${tag}“`,
    readMore: 'Weiterlesen',
    notFoundTitle: 'Seite nicht gefunden',
    notFoundText:
      'Diese Seite gibt es nicht (mehr). Vielleicht finden Sie auf der Startseite, was Sie suchen.',
    imprint: 'Impressum',
    privacy: 'Datenschutz',
    feed: 'RSS-Feed',
    tagline: 'Beratung, die ankommt – Beiträge zu Kommunikation und Wandel im Mittelstand',
    /** the comment pages 2 and up of an article */
    commentsOn: 'Kommentare zu',
    commentsPageTitle: (title: string, page: number) => `Kommentare zu „${title}“, Seite ${page}`,
    listPages: 'Seiten der Beitragsliste',
    newerPosts: 'Neuere Beiträge',
    olderPosts: 'Ältere Beiträge',
    pageOf: (page: number, total: number) => `Seite ${page} von ${total}`,
    /** the title of page 2 and up of a listing */
    pageTitle: (title: string, page: number) => `${title} – Seite ${page}`,
  },
  en: {
    skip: 'Skip to content',
    home: 'Home',
    articles: 'Articles',
    latest: 'Latest posts',
    noArticles: 'No posts published yet.',
    by: 'by',
    readingTime: (m: number) => `${m} min read`,
    tags: 'Tags',
    taggedWith: (tag: string) => `Posts tagged “${tag}”`,
    readMore: 'Read more',
    notFoundTitle: 'Page not found',
    notFoundText:
      'This page does not exist (any more). The home page may have what you are looking for.',
    imprint: 'Imprint',
    privacy: 'Privacy',
    feed: 'RSS feed',
    tagline: 'Consulting that lands – posts on communication and change',
    commentsOn: 'Comments on',
    commentsPageTitle: (title: string, page: number) => `Comments on “${title}”, page ${page}`,
    listPages: 'Pages of the post list',
    newerPosts: 'Newer posts',
    olderPosts: 'Older posts',
    pageOf: (page: number, total: number) => `Page ${page} of ${total}`,
    pageTitle: (title: string, page: number) => `${title} – page ${page}`,
  },
} as const

export const t = (lang: Lang) => texts[lang]

/** "12. März 2013" / "March 12, 2013" */
// One formatter per language: making one costs more than formatting (1,000 dates on the home page).
const dateFormats = {
  de: new Intl.DateTimeFormat('de-DE', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
  en: new Intl.DateTimeFormat('en-GB', { dateStyle: 'long', timeZone: 'Europe/Berlin' }),
}

export const formatDate = (iso: string, lang: Lang) => dateFormats[lang].format(new Date(iso))
