/**
 * The public contract between the CMS, the site, the comment island and the tests: types and
 * constants only, no dependencies, so every side can import it (the island without any runtime cost).
 */
export * from './comments'
export * from './consent'
export * from './errors'
export * from './locale'
export * from './paths'
export * from './securityHeaders'
export * from './shares'
export * from './siteBuild'
export * from './subscriptions'
