// Abuse limits read what was already written (tickets by reporter, journal events by actor) — no
// counters to keep, nothing written by a refusal, and a retry of the same report is never counted twice.
import { limitRefusal, WINDOW_MS, type LimitedKind } from '../domain/rate-limits'
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
  const rows = rowsOf<Record<string, unknown>>(
    await ctx.db
      .collection(collection)
      .where({ [who]: userId, [when]: ctx.db.command.gt(new Date(now.getTime() - WINDOW_MS)) })
      .orderBy(when, 'desc')
      .field({ [when]: true })
      // bounded: a verdict needs at most the hourly limit (20 / 120); a limit above a page means none
      .limit(1000)
      .get(),
  )
  const oldest = rows.length ? new Date(rows[rows.length - 1][when] as Date) : undefined
  const refusal = limitRefusal(kind, rows.length, oldest, now)
  if (refusal) throw new AppError('rate.limited', refusal)
}
