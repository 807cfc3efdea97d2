import { DEFAULT_LOCALE, FORM_ANCHORS, type CommentsData } from '../../../contract'
import type { Lang } from '../../lib/i18n'
import { subscriptionsUrl } from './api'
import { CommentForm } from './CommentForm'
import { CommentList } from './CommentList'
import { CommentPager } from './CommentPager'
import { CommentStats } from './CommentStats'
import { CommentContext } from './context'
import { SortControl } from './SortControl'
import { CLOSED_ID, LIST_ID } from './state'
import { SubscribeForm } from './SubscribeForm'
import { useCommentSection } from './useCommentSection'
import './comments.css'

export interface CommentSectionProps {
  slug: string
  /** public URL of the CMS (CMS_URL); the island talks only to its /api/public endpoints */
  apiBase: string
  lang?: Lang
  /**
   * one page of the approved comments at build time (default order), the whole article's stats
   * and whether new ones are welcome: the static HTML without JavaScript
   */
  initial: CommentsData
  /** the CMS's form token of the build, for the no-JS post (GET /api/public/form-token) */
  formToken?: string | null
}

/**
 * The comment section of an article. Rendered at build time from `initial` (readable and
 * indexable without JavaScript, the form posts as a plain HTML form), then hydrated: it refetches
 * the live thread and posts, reacts, edits and deletes in place.
 */
export default function CommentSection({
  slug,
  apiBase,
  lang = DEFAULT_LOCALE,
  initial,
  formToken = null,
}: CommentSectionProps) {
  const { state, comments, context, subscribe, changeSort, loadMore, loadFirst } =
    useCommentSection({
      slug,
      apiBase,
      lang,
      initial,
      formToken,
    })
  const t = context.texts

  return (
    <CommentContext.Provider value={context}>
      <div className="comments">
        <div className="comments-header">
          <CommentStats slug={slug} stats={state.data.stats} texts={t} />
          <SubscribeForm
            action={subscriptionsUrl(apiBase)}
            slug={slug}
            texts={t}
            onSubmit={subscribe}
          />
        </div>
        {/* Target of the no-JS subscribe form's redirect, like #kommentar-wartet below. */}
        <p id={FORM_ANCHORS.subscriptionRequested} className="comment-notice" role="status">
          {t.subscribe.requested}
        </p>
        {state.hydrated && comments.length > 1 && (
          <SortControl value={state.sort} onChange={changeSort} texts={t} />
        )}
        {state.loadFailed && <p className="comments-note">{t.loadFailed}</p>}
        <div
          id={LIST_ID}
          className="comments-thread"
          tabIndex={-1}
          aria-busy={state.busy || undefined}
        >
          {comments.length > 0 ? (
            <CommentList comments={comments} label={t.listLabel} />
          ) : (
            <p className="comments-note">{t.empty}</p>
          )}
        </div>
        <CommentPager
          slug={slug}
          firstPage={state.firstPage}
          pagination={state.data.pagination}
          onMore={loadMore}
          onFirst={loadFirst}
        />
        <p className="visually-hidden" aria-live="polite">
          {state.announcement}
        </p>
        <section className="comment-respond" aria-labelledby="kommentar-schreiben">
          <h3 id="kommentar-schreiben">{t.formHeading}</h3>
          {/* Targets of the no-JS form's redirect: visible only as the URL's #fragment (:target). */}
          <p id={FORM_ANCHORS.commentWaiting} className="comment-notice" role="status">
            {t.thanksPending}
          </p>
          <p id={FORM_ANCHORS.commentPublished} className="comment-notice" role="status">
            {t.thanksPublished}
          </p>
          {context.open ? (
            <CommentForm
              idPrefix="kommentar-form"
              action={context.action}
              parent={null}
              labelledBy="kommentar-schreiben"
              texts={t}
              onSubmit={context.submit}
              formToken={context.formToken}
            />
          ) : (
            <p id={CLOSED_ID} className="comments-note" tabIndex={-1}>
              {t.closed}
            </p>
          )}
        </section>
      </div>
    </CommentContext.Provider>
  )
}
