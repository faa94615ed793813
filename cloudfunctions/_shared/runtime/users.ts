// The users collection: staff bound to OPENIDs, with their roles.
import type { Database } from './context'
import { rowsOf } from './rows'
import type { UserDoc } from '../../../types/staff'

export const USERS = 'users'

export type { UserDoc }

/** The active user bound to an OPENID, or null. */
export async function findUserByOpenid(db: Database, openid: string): Promise<UserDoc | null> {
  if (!openid) return null
  const res = await db.collection(USERS).where({ openid, active: true }).limit(1).get()
  return rowsOf<UserDoc>(res)[0] ?? null
}

/** A user by id, or null. */
export async function findUserById(db: Database, id: string): Promise<UserDoc | null> {
  return rowsOf<UserDoc>(await db.collection(USERS).where({ _id: id }).limit(1).get())[0] ?? null
}

/** Records that a user answered a consent request (and is reachable again when they accepted). */
export async function markConsentAnswered(
  db: Database,
  userId: string,
  accepted: boolean,
  now: Date,
): Promise<void> {
  const data: Partial<UserDoc> = { consentAnsweredAt: now }
  if (accepted) Object.assign(data, { unreachable: false, unreachableSince: null })
  await db.collection(USERS).where({ _id: userId }).update({ data })
}

/** Marks a user as not reachable by push since `now` (kept when already marked). */
export async function markUnreachable(db: Database, userId: string, now: Date): Promise<void> {
  await db
    .collection(USERS)
    .where({ _id: userId, unreachable: db.command.neq(true) })
    .update({ data: { unreachable: true, unreachableSince: now } })
}

/** Sets or clears the block; true only when this call changed it (so a retry audits nothing twice). */
export async function setBlocked(
  db: Database,
  userId: string,
  blocked: boolean,
  reason: string,
  at: Date,
): Promise<boolean> {
  const _ = db.command
  const res = (await db
    .collection(USERS)
    .where({ _id: userId, blocked: blocked ? _.neq(true) : true })
    .update({
      data: blocked
        ? { blocked: true, blockedReason: reason, blockedAt: at }
        : { blocked: false, blockedReason: _.remove(), blockedAt: _.remove() },
    })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}

/** Records that the safety office asked a user to top up their reminders. */
export async function markNudged(db: Database, userId: string, now: Date): Promise<boolean> {
  const res = (await db
    .collection(USERS)
    .where({ _id: userId })
    .update({ data: { nudgedAt: now } })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}
