import type { Endpoint, PayloadHandler, PayloadRequest } from 'payload'
import { errorResponse, HttpError } from './responses'

/**
 * A public endpoint: unauthenticated by design, so every handler validates its input itself.
 * An HttpError thrown anywhere becomes the API's JSON error shape. CORS headers come from the
 * config's `cors` (SITE_URL only), which Payload applies to custom endpoints too.
 */
export function publicEndpoint(
  method: Endpoint['method'],
  path: string,
  handler: (req: PayloadRequest) => Promise<Response>,
): Endpoint {
  const wrapped: PayloadHandler = async (req) => {
    try {
      return await handler(req)
    } catch (error) {
      if (error instanceof HttpError) return errorResponse(error.status, error.errors)
      throw error
    }
  }
  return { method, path, handler: wrapped }
}
