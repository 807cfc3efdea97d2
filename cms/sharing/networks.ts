import { SHARE_NETWORK_NAMES, type ShareNetwork } from '../../contract'

/** Where each share link leads; built on the server from the article's own URL (never an open redirect). */
export const SHARE_NETWORKS: Record<ShareNetwork, (url: string, title: string) => string> = {
  email: (url, title) =>
    `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`,
  linkedin: (url) =>
    `https://www.linkedin.com/sharing/share-offsite/?url=${encodeURIComponent(url)}`,
  xing: (url) => `https://www.xing.com/spi/shares/new?url=${encodeURIComponent(url)}`,
  x: (url, title) =>
    `https://x.com/intent/post?url=${encodeURIComponent(url)}&text=${encodeURIComponent(title)}`,
  whatsapp: (url, title) => `https://wa.me/?text=${encodeURIComponent(`${title} ${url}`)}`,
}

export const isShareNetwork = (value: string): value is ShareNetwork =>
  SHARE_NETWORK_NAMES.some((name) => name === value)
