/**
 * rate-limiter-flexible's base class for stores: declared in its types, but not exported from its
 * index, so cms/http/rateLimitStore.ts imports the file itself.
 */
declare module 'rate-limiter-flexible/lib/RateLimiterStoreAbstract.js' {
  const RateLimiterStoreAbstract: unknown
  export default RateLimiterStoreAbstract
}
