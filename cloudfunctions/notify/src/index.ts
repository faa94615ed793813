// The `notify` function — the only holder of subscribeMessage.send — with the consent credits.
import { TEMPLATE_IDS } from '../../../types/api/notify'
import { AppError, defineFunction, isInternalCall } from '../../_shared/runtime'
import { requireUser } from '../../_shared/ticket/actor'
import { dispatchPending, recordConsent } from '../../_shared/notify/dispatch'

const routes = defineFunction('notify', {
  consent: async ({ results }, ctx) => {
    const user = await requireUser(ctx)
    const known = new Set<string>(Object.values(TEMPLATE_IDS))
    const accepted = Object.entries(results)
      .filter(([id, r]) => r === 'accept' && known.has(id))
      .map(([id]) => id)
    return { credits: await recordConsent(ctx.db, user._id, accepted) }
  },
  dispatch: async ({ ids }, ctx) => {
    if (!isInternalCall(ctx)) throw new AppError('auth.forbidden')
    return dispatchPending(ctx, ids)
  },
})

/** Timer firings carry no action: they re-dispatch whatever is still pending. */
export const main: typeof routes = (event, context) =>
  event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer'
    ? routes({ action: 'dispatch', input: { ids: [] } }, context)
    : routes(event, context)
