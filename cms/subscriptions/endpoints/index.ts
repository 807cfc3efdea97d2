import { confirm } from './confirm'
import { subscribe } from './subscribe'
import { unsubscribe, unsubscribePage } from './unsubscribe'

export const subscriptionEndpoints = [subscribe, confirm, unsubscribePage, unsubscribe]
