/**
 * Well-known crawlers, link previewers and HTTP libraries by their User-Agent. Small on purpose:
 * enough to keep previews (a shared link unfurled in Slack, WhatsApp, X, …) and scripted fetches
 * out of the share count; a bot that poses as a browser gets counted like one.
 */
const BOT_UA =
  /bot\b|bot\/|crawl|spider|slurp|facebookexternalhit|facebookcatalog|embedly|preview|whatsapp\/|google-inspectiontool|lighthouse|headlesschrome|phantomjs|curl\/|wget\/|python-requests|python-urllib|aiohttp|httpx|go-http-client|java\/|okhttp|node-fetch|undici|axios\/|libwww-perl|scrapy|ahrefs|semrush|mj12|dotbot|petalbot|baiduspider|duckduckbot|applebot|archive\.org_bot|ia_archiver/i

/** True for a User-Agent of a known bot, and for none at all (browsers always send one). */
export const isBot = (userAgent: string | null | undefined): boolean =>
  !userAgent?.trim() || BOT_UA.test(userAgent)
