// The `notify` function — the only holder of subscribeMessage.send and SMS — with the credit bank.
import { defineFunction } from '../../_shared/runtime'
import { notifyApi } from '../../../types/api/notify'
import { notifyInternal, notifyRoutes, redispatchPending } from '../../_shared/notify'

export const main = defineFunction('notify', notifyApi, notifyRoutes, {
  internal: notifyInternal,
  timer: redispatchPending,
})
