/**
 * The editor's changes the publishing bench times, each with the test that the served site shows
 * it: (c) publish, (d) title edit, (e) unpublish, (f) slug change, (g) a comment approved.
 */
import type { Payload } from 'payload'
import { paragraph } from '../../lib/lexical'
import { seedSlug, seedTags, seedTitle } from './seedRows'
import type { ServedSite } from './servedSite'

export type EditorChange = {
  name: string
  /** the longest time to served that meets the target (seconds) */
  targetSeconds: number
  /** done before the clock starts (a pending comment to approve) */
  prepare?: () => Promise<void>
  change: () => Promise<void>
  served: () => boolean
}

const tagPage = (tag: string) => `tags/${tag.toLowerCase().replace(/\s+/g, '-')}/index.html`

export async function articleBySlug(payload: Payload, slug: string): Promise<{ id: number }> {
  const { docs } = await payload.find({
    collection: 'articles',
    where: { slug: { equals: slug } },
    limit: 1,
    depth: 0,
    draft: true,
    overrideAccess: true,
  })
  if (!docs[0]) throw new Error(`no article ${slug}`)
  return docs[0]
}

const articleId = async (payload: Payload, slug: string) => (await articleBySlug(payload, slug)).id

/** The changes on a seeded site of `articles` articles; `run` makes this run's texts unique. */
export function editorChanges(
  payload: Payload,
  site: ServedSite,
  articles: number,
  target: { change: number; comment: number },
): EditorChange[] {
  const run = Date.now().toString(36)
  const update = async (slug: string, data: Record<string, unknown>) =>
    void (await payload.update({
      collection: 'articles',
      id: await articleId(payload, slug),
      data,
      depth: 0,
      overrideAccess: true,
    }))

  const newSlug = `neu-${run}`
  // The newest seeded article is on the home page, in the feed and on its first tag's page.
  const edited = articles - 1
  const editedTitle = `${seedTitle(edited)} neu betitelt ${run}`
  const unpublished = seedSlug(articles - 2)
  const renamed = seedSlug(articles - 3)
  const renamedTo = `${renamed}-umbenannt-${run}`
  const commented = seedSlug(articles - 4)
  const commentText = `Freigabetest ${run}`
  let commentId = 0

  return [
    {
      name: '(c) publish a new article → its page served',
      targetSeconds: target.change,
      change: async () =>
        void (await payload.create({
          collection: 'articles',
          data: {
            title: `Gerade veröffentlicht ${run}`,
            slug: newSlug,
            generateSlug: false,
            tags: seedTags(0),
            body: paragraph('Neu veröffentlicht.'),
            _status: 'published',
          },
          depth: 0,
          overrideAccess: true,
        })),
      served: () => site.exists(`blog/${newSlug}/index.html`),
    },
    {
      name: '(d) edit a title → article, home, tag page and RSS served',
      targetSeconds: target.change,
      change: () => update(seedSlug(edited), { title: editedTitle }),
      served: () =>
        [
          `blog/${seedSlug(edited)}/index.html`,
          'index.html',
          tagPage(seedTags(edited)[0]!),
          'rss.xml',
        ].every((file) => site.read(file)?.includes(editedTitle)),
    },
    {
      name: '(e) unpublish → its page gone',
      targetSeconds: target.change,
      change: () => update(unpublished, { _status: 'draft' }),
      served: () => site.root() !== '' && !site.exists(`blog/${unpublished}/index.html`),
    },
    {
      name: '(f) slug change → new URL served (and in _redirects, if written)',
      targetSeconds: target.change,
      change: () => update(renamed, { slug: renamedTo, generateSlug: false }),
      served: () => {
        if (!site.exists(`blog/${renamedTo}/index.html`)) return false
        const redirects = site.read('_redirects')
        return redirects === null || new RegExp(`/blog/${renamed}/?\\s`).test(redirects)
      },
    },
    {
      name: '(g) comment approved → in the article’s static HTML',
      targetSeconds: target.comment,
      prepare: async () => {
        const comment = await payload.create({
          collection: 'comments',
          context: { bulkImport: true }, // a reader's comment; the editors' notice is not timed
          data: {
            article: await articleId(payload, commented),
            authorName: 'Leserin Freigabe',
            authorEmail: 'freigabe@seed.example',
            body: `${commentText} wartet auf die Freigabe.`,
            status: 'pending',
            depth: 1,
            consentAt: new Date().toISOString(),
          },
          depth: 0,
          overrideAccess: true,
        })
        commentId = comment.id
      },
      // As an editor approves it in the admin (its notifications included).
      change: async () =>
        void (await payload.update({
          collection: 'comments',
          id: commentId,
          data: { status: 'approved' },
          depth: 0,
          overrideAccess: true,
        })),
      served: () =>
        site.articlePages(commented).some((page) => site.read(page)?.includes(commentText)),
    },
  ]
}
