// The `notify` function — the only holder of subscribeMessage.send and SMS — with the credit bank.
import { defineFunction } from '../../_shared/runtime'
import { requireUser } from '../../_shared/ticket/actor'
import { dispatchPending } from '../../_shared/notify/dispatch'
import { reachabilityOf, recordConsent } from '../../_shared/notify/consent'

const routes = defineFunction(
  'notify',
  {
    consent: async ({ results, requestKey }, ctx) =>
      recordConsent(ctx, (await requireUser(ctx))._id, results, requestKey),
    status: async (_input, ctx) => reachabilityOf(ctx, (await requireUser(ctx))._id),
  },
  {
    internal: {
      dispatch: async ({ ids }, ctx) => {
        const r = await dispatchPending(ctx, ids)
        return { ...r, intents: r.intents as unknown as Array<Record<string, unknown>> }
      },
    },
  },
)

/** Timer firings carry no action: they re-dispatch whatever is still pending. */
export const main: typeof routes = (event, context) =>
  event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer'
    ? routes({ action: 'dispatch', input: { ids: [] } }, context)
    : routes(event, context)
