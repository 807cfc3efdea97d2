import { apiPaths, MIN_FILL_MS, type FormTokenResult } from '../../contract'

const tokens = new Map<string, Promise<string>>()

/**
 * A form token of the CMS at `cmsUrl`, past MIN_FILL_MS: fetched like a page would, then waited
 * for once; one serves every later post of this process (younger than FORM_TOKEN_MAX_AGE_MS).
 */
export function remoteFormToken(cmsUrl: string): Promise<string> {
  let token = tokens.get(cmsUrl)
  if (!token) {
    token = (async () => {
      const response = await fetch(`${cmsUrl}${apiPaths.formToken}`)
      if (!response.ok) throw new Error(`No form token from ${cmsUrl}: ${response.status}`)
      const { formToken } = (await response.json()) as FormTokenResult
      await new Promise((resolve) => setTimeout(resolve, MIN_FILL_MS + 100))
      return formToken
    })()
    token.catch(() => tokens.delete(cmsUrl))
    tokens.set(cmsUrl, token)
  }
  return token
}
