import { confirm, confirmPage } from './confirm'
import { subscribe } from './subscribe'
import { unsubscribe, unsubscribePage } from './unsubscribe'

export const subscriptionEndpoints = [subscribe, confirmPage, confirm, unsubscribePage, unsubscribe]
