// The pc_sessions collection: a PC's sign-in, from the code it shows to the end of its session. The
// only code that names the collection; the identity rule (auth.ts) reads it, the trust wing writes it.
import type { Database } from './context'
import { readAll, rowsOf } from './rows'

export const PC_SESSIONS = 'pc_sessions'

/** pending (code shown) → approved (confirmed on the phone) → active (PC signed in) → ended. */
export type PcSessionStatus = 'pending' | 'approved' | 'active' | 'ended'

/** A PC session as stored; its id is the scene of the code the PC showed. */
export interface PcSessionDoc {
  _id: string
  /** sha256 of the key only the PC that asked for the code holds. */
  pollKeyHash: string
  /** The browser that asked for the code (its web sign-in), for the limit on how often one may. */
  askedBy: string
  userAgent: string
  status: PcSessionStatus
  createdAt: Date
  /** When the code stops working (an unused approval too). */
  expiresAt: Date
  userId?: string
  userName?: string
  /** The custom-login uid the PC signs in as; it names this session and nothing else. */
  uid?: string
  approvedAt?: Date
  signedInAt?: Date
  endsAt?: Date
  endedAt?: Date
  endedBy?: 'pc' | 'phone'
}

const updated = (res: unknown): boolean =>
  ((res as { stats?: { updated?: number } }).stats?.updated ?? 0) === 1

/** Stores a fresh code's session. */
export async function insertPcSession(db: Database, doc: PcSessionDoc): Promise<void> {
  await db.collection(PC_SESSIONS).add({ data: doc })
}

/** How many codes were asked for since `since`: by one browser, and by every browser together. */
export async function countPcStartsSince(
  db: Database,
  askedBy: string,
  since: Date,
): Promise<{ byVisitor: number; byEveryone: number }> {
  const _ = db.command
  const count = async (where: object) =>
    ((await db.collection(PC_SESSIONS).where(where).count()) as { total: number }).total
  const [byVisitor, byEveryone] = await Promise.all([
    count({ askedBy, createdAt: _.gte(since) }),
    count({ createdAt: _.gte(since) }),
  ])
  return { byVisitor, byEveryone }
}

/** A session by its scene, or null. */
export async function getPcSession(db: Database, id: string): Promise<PcSessionDoc | null> {
  const res = await db.collection(PC_SESSIONS).where({ _id: id }).limit(1).get()
  return rowsOf<PcSessionDoc>(res)[0] ?? null
}

/** Marks a pending, unexpired code approved for a staff member; false when it was not. */
export async function approvePcSession(
  db: Database,
  id: string,
  by: { userId: string; userName: string; uid: string },
  at: Date,
): Promise<boolean> {
  const _ = db.command
  const res = await db
    .collection(PC_SESSIONS)
    .where({ _id: id, status: 'pending', expiresAt: _.gt(at) })
    .update({ data: { status: 'approved', ...by, approvedAt: at } })
  return updated(res)
}

/** Turns an approved, unexpired code into a signed-in session until `endsAt`; false when it was not. */
export async function activatePcSession(
  db: Database,
  id: string,
  pollKeyHash: string,
  at: Date,
  endsAt: Date,
): Promise<boolean> {
  const _ = db.command
  const res = await db
    .collection(PC_SESSIONS)
    .where({ _id: id, pollKeyHash, status: 'approved', expiresAt: _.gt(at) })
    .update({ data: { status: 'active', signedInAt: at, endsAt } })
  return updated(res)
}

/** The signed-in session a custom-login uid names, while it lasts; null otherwise. */
export async function findLivePcSession(
  db: Database,
  uid: string,
  now: Date,
): Promise<PcSessionDoc | null> {
  const _ = db.command
  const res = await db
    .collection(PC_SESSIONS)
    .where({ uid, status: 'active', endsAt: _.gt(now) })
    .limit(1)
    .get()
  return rowsOf<PcSessionDoc>(res)[0] ?? null
}

/** A staff member's signed-in sessions that have not ended, newest first. */
export async function listLivePcSessions(
  db: Database,
  userId: string,
  now: Date,
): Promise<PcSessionDoc[]> {
  const _ = db.command
  const rows = await readAll<PcSessionDoc>(db, PC_SESSIONS, {
    userId,
    status: 'active',
    endsAt: _.gt(now),
  })
  return rows.sort((a, b) => new Date(b.signedInAt!).getTime() - new Date(a.signedInAt!).getTime())
}

/** Ends a staff member's signed-in session; true only when this call ended it. */
export async function endPcSession(
  db: Database,
  id: string,
  userId: string,
  by: 'pc' | 'phone',
  at: Date,
): Promise<boolean> {
  const res = await db
    .collection(PC_SESSIONS)
    .where({ _id: id, userId, status: 'active' })
    .update({ data: { status: 'ended', endedAt: at, endedBy: by } })
  return updated(res)
}
