import type { Endpoint } from 'payload'
import { requestLocale } from '../http/locale'
import { errorResponse } from '../http/responses'
import { message } from '../i18n/messages'
import { requestRebuild } from './requestRebuild'

/** POST /api/site-build/rebuild: editors only ("Rebuild now" in the admin). */
export const rebuildNow: Endpoint = {
  method: 'post',
  path: '/site-build/rebuild',
  handler: async (req) => {
    if (!req.user)
      return errorResponse(401, [
        { field: 'authorization', message: message(requestLocale(req.headers), 'editorsOnly') },
      ])
    await requestRebuild(req.payload, req, 0)
    return Response.json({ state: 'queued' }, { status: 202 })
  },
}
