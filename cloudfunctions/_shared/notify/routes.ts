// The notify routes: consents banked, reach, and the dispatch only this wing performs.
import { Role, requireRole, requireUser } from '../runtime/auth'
import { AppError, type ActionContext, type Routes } from '../runtime'
import type { InternalRoutes } from '../runtime/define-function'
import { markNudged } from '../runtime/users'
import { unreachableCaptains } from './unreachable'
import { dispatchPending } from './dispatch'
import { reachabilityOf, recordConsent } from './consent'
import { eveningsOf } from './evenings'

/** A staff member's consents and reach; the safety office's view of who cannot be reached. */
export const notifyRoutes: Routes<'notify'> = {
  consent: async ({ results, requestKey }, ctx) =>
    recordConsent(ctx, (await requireUser(ctx))._id, results, requestKey),
  status: async (_input, ctx) => {
    const user = await requireUser(ctx)
    return {
      ...(await reachabilityOf(ctx, user._id)),
      nudgedAt: user.nudgedAt ? new Date(user.nudgedAt).toISOString() : null,
    }
  },
  unreachable: async (filter, ctx) => {
    await requireRole(ctx, Role.safetyOffice)
    return unreachableCaptains(ctx, filter)
  },
  evenings: async (_input, ctx) => eveningsOf(ctx, (await requireUser(ctx))._id),
  nudge: async ({ userId }, ctx) => {
    await requireRole(ctx, Role.safetyOffice)
    const now = ctx.now()
    if (!(await markNudged(ctx.db, userId, now))) throw new AppError('org.not_found', '没有这个人')
    return { nudgedAt: now.toISOString(), sms: false }
  },
}

/** Server-only: send queued intents now (another function's call). */
export const notifyInternal: InternalRoutes<'notify'> = {
  dispatch: async ({ ids }, ctx) => {
    const r = await dispatchPending(ctx, ids)
    return { ...r, intents: r.intents as unknown as Array<Record<string, unknown>> }
  },
}

/** The timer re-dispatches whatever is still pending. */
export const redispatchPending = (ctx: ActionContext) => dispatchPending(ctx, [])
