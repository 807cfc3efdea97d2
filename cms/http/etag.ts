/** Whether a request's If-None-Match names this ETag (weak or strong, in a list, or `*`). */
export function matchesEtag(headers: Headers, etag: string): boolean {
  const header = headers.get('if-none-match')
  if (!header) return false
  const bare = (tag: string) => tag.trim().replace(/^W\//, '')
  return header.split(',').some((tag) => tag.trim() === '*' || bare(tag) === bare(etag))
}
