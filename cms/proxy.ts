import { NextResponse, type NextRequest } from 'next/server'
import { refuseFirstUserScreen } from './access/firstUserScreen'

/**
 * Next.js's proxy (formerly middleware; Node.js runtime): only the create-first-user screen goes
 * through it (the matcher), so no other route pays for it. Its POST is guarded in Users.ts.
 */
export function proxy(request: NextRequest): Response {
  return refuseFirstUserScreen(request.headers) ?? NextResponse.next()
}

// FIRST_USER_SCREEN (cms/access/firstUserScreen.ts), also below it; literal: read at build time.
export const config = {
  matcher: ['/admin/create-first-user', '/admin/create-first-user/:path*'],
}
