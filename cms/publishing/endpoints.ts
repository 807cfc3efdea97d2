import type { Endpoint } from 'payload'
import { errorResponse } from '../http/responses'
import { requestRebuild } from './requestRebuild'

/** POST /api/site-build/rebuild: editors only ("Rebuild now" in the admin). */
export const rebuildNow: Endpoint = {
  method: 'post',
  path: '/site-build/rebuild',
  handler: async (req) => {
    if (!req.user) return errorResponse(401, [{ field: 'authorization', message: 'Nur für angemeldete Redakteure.' }])
    await requestRebuild(req.payload, req, 0)
    return Response.json({ state: 'queued' }, { status: 202 })
  },
}
