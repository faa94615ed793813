// The users collection: staff bound to OPENIDs, with their roles.
import type { Database } from './context'
import { isDuplicateKey, readAll, readByIds, rowsOf } from './rows'
import type { UserDoc } from '../../../types/staff'

export const USERS = 'users'

export type { UserDoc }

/** The placeholder OPENID of a roster entry nobody has bound yet (the openid index is unique). */
export function unboundOpenid(userId: string): string {
  return `unbound:${userId}`
}

/** True when the user has a real WeChat identity bound. */
export function isBound(user: UserDoc): boolean {
  return Boolean(user.openid) && !user.openid.startsWith('unbound:')
}

/** Users holding any of these phone numbers (one indexed lookup per number, ten at a time). */
export async function findUsersByPhones(db: Database, phones: string[]): Promise<UserDoc[]> {
  const out: UserDoc[] = []
  const unique = [...new Set(phones)].filter(Boolean)
  for (let i = 0; i < unique.length; i += 10) {
    const pages = await Promise.all(
      unique.slice(i, i + 10).map((phone) => readAll<UserDoc>(db, USERS, { phone })),
    )
    for (const page of pages) out.push(...page)
  }
  return out
}

/** Inserts users. */
export async function insertUsers(db: Database, docs: UserDoc[]) {
  for (let i = 0; i < docs.length; i += 100)
    await db.collection(USERS).add({ data: docs.slice(i, i + 100) })
}

/** Patches a user. */
export async function updateUser(db: Database, id: string, patch: Partial<UserDoc>) {
  await db.collection(USERS).doc(id).update({ data: patch })
}

/** Binds an OPENID to a user unless it is taken; false when another user already holds it. */
export async function setUserOpenid(db: Database, id: string, openid: string): Promise<boolean> {
  try {
    await db.collection(USERS).doc(id).update({ data: { openid } })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Users by id. */
export async function getUsersByIds(db: Database, ids: string[]): Promise<UserDoc[]> {
  return readByIds<UserDoc>(db, USERS, ids)
}

/** Every user holding any of the roles (院领导 and the safety office are a handful of people). */
export async function usersWithRoles(db: Database, roles: string[]): Promise<UserDoc[]> {
  return readAll<UserDoc>(db, USERS, { roles: db.command.in(roles), active: true })
}

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
