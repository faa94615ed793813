// The `notify` function — the only holder of subscribeMessage.send and SMS — with the credit bank.
import { Role, requireRole, requireUser } from '../../_shared/runtime/auth'
import { AppError, defineFunction } from '../../_shared/runtime'
import { markNudged } from '../../_shared/runtime/users'
import { unreachableCaptains } from '../../_shared/notify/unreachable'
import { dispatchPending } from '../../_shared/notify/dispatch'
import { reachabilityOf, recordConsent } from '../../_shared/notify/consent'

const routes = defineFunction(
  'notify',
  {
    consent: async ({ results, requestKey }, ctx) =>
      recordConsent(ctx, (await requireUser(ctx))._id, results, requestKey),
    status: async (_input, ctx) => {
      const user = await requireUser(ctx)
      return {
        ...(await reachabilityOf(ctx, user._id)),
        nudgedAt: user.nudgedAt ? new Date(user.nudgedAt).toISOString() : null,
      }
    },
    unreachable: async (_input, ctx) => {
      await requireRole(ctx, Role.safetyOffice)
      return { items: await unreachableCaptains(ctx) }
    },
    nudge: async ({ userId }, ctx) => {
      await requireRole(ctx, Role.safetyOffice)
      const now = ctx.now()
      if (!(await markNudged(ctx.db, userId, now)))
        throw new AppError('org.not_found', '没有这个人')
      return { nudgedAt: now.toISOString(), sms: false }
    },
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
