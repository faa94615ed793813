// The users collection: staff bound to OPENIDs, with their roles.
import type { Database } from '../runtime/context'
import { rowsOf } from './rows'

export const USERS = 'users'

/** A staff member as stored. */
export interface UserDoc {
  _id: string
  openid: string
  name: string
  phone?: string
  roles: string[]
  departmentId?: string
  departmentName?: string
  active: boolean
  unreachable?: boolean
  /** Blocked by the safety office: every action is refused with auth.blocked until unblocked. */
  blocked?: boolean
  blockedReason?: string
  blockedAt?: Date
}

/** The active user bound to an OPENID, or null. */
export async function findUserByOpenid(db: Database, openid: string): Promise<UserDoc | null> {
  if (!openid) return null
  const res = await db.collection(USERS).where({ openid, active: true }).limit(1).get()
  return rowsOf<UserDoc>(res)[0] ?? null
}

/** A user by id, or null. */
export async function getUserById(db: Database, id: string): Promise<UserDoc | null> {
  const res = await db.collection(USERS).where({ _id: id }).limit(1).get()
  return rowsOf<UserDoc>(res)[0] ?? null
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
