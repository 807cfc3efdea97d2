import { mailSettings } from './settings'

/** RFC 2369 / RFC 8058 headers of list mail: mail clients offer a one-click unsubscribe button. */
export const listHeaders = (unsubscribeUrl: string): Record<string, string> => ({
  'List-Unsubscribe': `<${unsubscribeUrl}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
  'List-Id': mailSettings().listId,
})
