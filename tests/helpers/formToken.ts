import { mintFormToken } from '../../cms/spam/formToken'
import { MIN_FILL_MS } from '../../contract'

/**
 * A comment form token as the CMS in this process hands it out (startLocalCms: same
 * PAYLOAD_SECRET), made 2 × MIN_FILL_MS ago: a reader who took their time. Protection stays on;
 * the test just does not wait. For a CMS in another process see scripts/lib/formToken.
 */
export const agedFormToken = (): string => mintFormToken(Date.now() - 2 * MIN_FILL_MS)
