import type { CollectionConfig, Endpoint } from 'payload'
import { isEditor } from '../access/isEditor'
import { isLocalRequest } from '../access/isLocalRequest'
import { isHttps } from '../config/productionMode'
import { cmsUrl } from '../config/urls'
import { requestLocale } from '../http/locale'
import { message } from '../i18n/messages'

/**
 * Payload's create-first-user screen posts here while no editor exists. Only from this machine:
 * on a server reachable from outside, whoever comes first would otherwise own the admin. (In
 * production `npm start` does not even start without an editor or ADMIN_EMAIL / ADMIN_PASSWORD.)
 * Local requests go on to Payload's own handler. The screen itself: cms/proxy.ts.
 */
const firstRegisterFromLocalhost: Endpoint = {
  path: '/first-register',
  method: 'post',
  handler: async (req) => {
    if (!isLocalRequest(req.headers))
      return Response.json(
        { errors: [{ message: message(requestLocale(req.headers), 'firstEditorLocalOnly') }] },
        { status: 403 },
      )
    const builtIn = (req.payload.collections.users.config.endpoints || []).find(
      (endpoint) =>
        endpoint.path === '/first-register' &&
        endpoint.method === 'post' &&
        endpoint.handler !== firstRegisterFromLocalhost.handler,
    )
    if (!builtIn) throw new Error("Payload's first-register endpoint is missing")
    return builtIn.handler(req)
  },
}

export const Users: CollectionConfig = {
  slug: 'users',
  labels: {
    singular: { de: 'Redakteur', en: 'Editor' },
    plural: { de: 'Redaktion', en: 'Editors' },
  },
  admin: { useAsTitle: 'email', defaultColumns: ['name', 'email'] },
  // Behind https the login cookie goes over https only; Lax: not sent along with other sites' requests.
  auth: { cookies: { secure: isHttps(cmsUrl()), sameSite: 'Lax' } },
  access: { read: isEditor, create: isEditor, update: isEditor, delete: isEditor },
  endpoints: [firstRegisterFromLocalhost],
  fields: [{ name: 'name', type: 'text', label: { de: 'Name', en: 'Name' } }],
}
