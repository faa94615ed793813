// One-time invites to bind a roster entry to a WeChat identity: the only code that names the
// invites collection.
import type { Database } from '../../runtime/context'
import { rowsOf } from '../../runtime/rows'

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
