import { HEADERS_FILE } from '../security/siteHeaders'
import { REDIRECTS_FILE } from './redirects'

/** nginx's http-level part of a build (maps are not allowed in `server`); nginx-headers.conf uses it. */
export const NGINX_MAPS = 'nginx-maps.conf'

/** Files of a build (path relative to its root) that configure hosts and are not part of the site. */
export const isHostFile = (file: string): boolean =>
  file === HEADERS_FILE || file === REDIRECTS_FILE || /^nginx-[^/]*\.conf$/.test(file)
