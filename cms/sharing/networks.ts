/** Where each share link leads; built on the server from the article's own URL (never an open redirect). */
export const SHARE_NETWORKS = {
  email: (url: string, title: string) => `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`,
  linkedin: (url: string) => `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
  xing: (url: string) => `https://www.xing.com/spi/shares/new?url=${encodeURIComponent(url)}`,
  x: (url: string, title: string) => `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`,
  whatsapp: (url: string, title: string) => `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
} as const

export type ShareNetwork = keyof typeof SHARE_NETWORKS
export const isShareNetwork = (value: string): value is ShareNetwork => value in SHARE_NETWORKS
