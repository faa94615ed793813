// Abuse limits read what was already written (tickets by reporter, journal events by actor) — no
// counters to keep, nothing written by a refusal, and a retry of the same report is never counted twice.
import { HOURLY_LIMITS, limitRefusal, WINDOW_MS, type LimitedKind } from '../domain/rate-limits'
import { AppError } from '../../runtime/app-error'
import type { ActionContext } from '../../runtime/context'
import { rowsOf } from '../../runtime/rows'
import { EVENTS, TICKETS } from './tickets'

const SOURCE: Record<LimitedKind, { collection: string; who: string; when: string }> = {
  report: { collection: TICKETS, who: 'reporterId', when: 'createdAt' },
  act: { collection: EVENTS, who: 'actorId', when: 'at' },
}

/** Throws `rate.limited` (with a Chinese message saying when to retry) when the user used up the hour. */
export async function enforceRateLimit(
  ctx: ActionContext,
  kind: LimitedKind,
  userId: string,
): Promise<void> {
  const now = ctx.now()
  const { collection, who, when } = SOURCE[kind]
  // Only the hourly limit's own row is read (the limit-th most recent in the hour), never the rest.
  const [lastAllowed] = rowsOf<Record<string, unknown>>(
    await ctx.db
      .collection(collection)
      .where({ [who]: userId, [when]: ctx.db.command.gt(new Date(now.getTime() - WINDOW_MS)) })
      .orderBy(when, 'desc')
      .skip(HOURLY_LIMITS[kind] - 1)
      .field({ [when]: true })
      .limit(1)
      .get(),
  )
  const refusal = limitRefusal(kind, lastAllowed && new Date(lastAllowed[when] as Date), now)
  if (refusal) throw new AppError('rate.limited', refusal)
}
