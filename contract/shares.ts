/** Networks an article can be shared to through the CMS's counting redirect. */
export const SHARE_NETWORK_NAMES = ['email', 'linkedin', 'xing', 'x', 'whatsapp'] as const
export type ShareNetwork = (typeof SHARE_NETWORK_NAMES)[number]

/** GET /api/public/articles/:slug/shares */
export interface ShareCount {
  total: number
}
