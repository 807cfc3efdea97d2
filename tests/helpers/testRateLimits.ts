/**
 * The rate limits of every test that is not about them: many posts in a row from one client and
 * one email address are how these tests set up their data. The limits stay on (a test that breaks
 * 1000 a minute is broken); tests/integration/rateLimits.test.ts checks the product's defaults.
 */
export const TEST_RATE_LIMITS = [
  'comment=1000/1m',
  'commentEmail=1000/1m',
  'reaction=1000/1m',
  'subscription=1000/1m',
  'subscriptionEmail=1000/1m',
  'share=1000/1m',
].join(',')
