import { payloadSecret, SecretRefused } from '../../cms/config/secret'

/**
 * For `npm start` and `npm run dev`, before they start anything: decides production mode from the
 * user's own environment (cms/config/productionMode.ts) and puts the secret into this process's
 * env, so every child (which runs with NODE_ENV=production) gets it: the user's PAYLOAD_SECRET, or
 * in development the one in data/.payload-secret. In production without a usable secret it
 * prints the one-line refusal and exits 1.
 */
export function launchSecret(): void {
  try {
    process.env.PAYLOAD_SECRET = payloadSecret()
  } catch (error) {
    if (!(error instanceof SecretRefused)) throw error
    console.error(error.message)
    process.exit(1)
  }
}
