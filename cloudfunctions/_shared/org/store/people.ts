// Staff records as the administration sees them and one-time invites: the only code that names the
// invites collection.
import type { Database } from '../../runtime/context'
import { readAll, rowsOf, isDuplicateKey } from '../../runtime/rows'
import type { UserDoc } from '../../runtime/users'

/** The placeholder OPENID of a roster entry nobody has bound yet (the openid index is unique). */
export function unboundOpenid(userId: string): string {
  return `unbound:${userId}`
}

/** True when the user has a real WeChat identity bound. */
export function isBound(user: UserDoc): boolean {
  return Boolean(user.openid) && !user.openid.startsWith('unbound:')
}

/** A user by id, or null. */
export async function getUser(db: Database, id: string): Promise<UserDoc | null> {
  return rowsOf<UserDoc>(await db.collection('users').where({ _id: id }).limit(1).get())[0] ?? null
}

/** Users holding any of these phone numbers (one indexed lookup per number, ten at a time). */
export async function findUsersByPhones(db: Database, phones: string[]): Promise<UserDoc[]> {
  const out: UserDoc[] = []
  const unique = [...new Set(phones)].filter(Boolean)
  for (let i = 0; i < unique.length; i += 10) {
    const pages = await Promise.all(
      unique.slice(i, i + 10).map((phone) => readAll<UserDoc>(db, 'users', { phone })),
    )
    for (const page of pages) out.push(...page)
  }
  return out
}

/** Inserts users. */
export async function insertUsers(db: Database, docs: UserDoc[]) {
  for (let i = 0; i < docs.length; i += 100)
    await db.collection('users').add({ data: docs.slice(i, i + 100) })
}

/** Patches a user. */
export async function updateUser(db: Database, id: string, patch: Partial<UserDoc>) {
  await db.collection('users').doc(id).update({ data: patch })
}

/** Binds an OPENID to a user unless it is taken; false when another user already holds it. */
export async function setUserOpenid(db: Database, id: string, openid: string): Promise<boolean> {
  try {
    await db.collection('users').doc(id).update({ data: { openid } })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

export interface InviteDoc {
  _id: string
  code: string
  userId: string
  createdBy: string
  createdAt: Date
  expiresAt: Date
  usedAt: Date | null
  usedBy: string | null
  revoked: boolean
}

/** The open (unused, unrevoked) invite with this code, or null. */
export async function findOpenInvite(db: Database, code: string): Promise<InviteDoc | null> {
  return (
    rowsOf<InviteDoc>(
      await db.collection('invites').where({ code, usedAt: null, revoked: false }).limit(1).get(),
    )[0] ?? null
  )
}

/** The invite with this code that `openid` already redeemed, or null. */
export async function findUsedInvite(
  db: Database,
  code: string,
  openid: string,
): Promise<InviteDoc | null> {
  return (
    rowsOf<InviteDoc>(
      await db.collection('invites').where({ code, usedBy: openid }).limit(1).get(),
    )[0] ?? null
  )
}

/** Revokes every open invite of a user (a new one replaces them). */
export async function revokeInvitesOf(db: Database, userId: string) {
  await db
    .collection('invites')
    .where({ userId, usedAt: null, revoked: false })
    .update({ data: { revoked: true } })
}

/** Stores a new invite. */
export async function insertInvite(db: Database, doc: InviteDoc) {
  await db.collection('invites').add({ data: doc })
}

/** Marks an invite used by `openid`, once; false when someone used or revoked it first. */
export async function consumeInvite(
  db: Database,
  id: string,
  openid: string,
  at: Date,
): Promise<boolean> {
  const res = (await db
    .collection('invites')
    .where({ _id: id, usedAt: null, revoked: false })
    .update({ data: { usedAt: at, usedBy: openid } })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}
