/**
 * The article page's budget (HTML and CSS, gzipped) with 500 approved comments on 50 threads of
 * 150 characters on average: CommentSection.budget.test.tsx measures the comment section and
 * allows REST_OF_PAGE for everything else on the seed article's page, which
 * tests/integration/siteBuild.test.ts checks on the built page, with the whole page's size.
 */
export const PAGE_BUDGET = 30 * 1024
export const REST_OF_PAGE = 6 * 1024
export const BUDGET_ARTICLE = { threads: 50, repliesPerThread: 9, meanLength: 150 } as const
