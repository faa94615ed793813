// The push outbox: the only code that names the notifications collection.
import type { Database } from '../../runtime/context'
import {
  rowsOf,
  isDuplicateKey,
  type TxWrite,
  aggregateAll,
  readAll,
  readByIds,
} from '../../runtime/rows'
import type { Delivery, IntentDoc } from '../intent'

export const NOTIFICATIONS = 'notifications'

/** Queues push intents inside another write's transaction, so they exist exactly when it does. */
export function queueIntents(intents: readonly IntentDoc[]): TxWrite {
  return async (tx) => {
    for (const intent of intents) await tx.collection(NOTIFICATIONS).add({ data: intent })
  }
}

/** Intents (by id, or all) waiting to be sent, oldest hold first; the sweep skips held ones. */
export async function pendingIntents(db: Database, ids: string[], now: Date): Promise<IntentDoc[]> {
  const _ = db.command
  if (ids.length) return readByIds<IntentDoc>(db, NOTIFICATIONS, ids, { status: 'pending' })
  return rowsOf<IntentDoc>(
    await db
      .collection(NOTIFICATIONS)
      .where({ status: 'pending', notBefore: _.lte(now) })
      .orderBy('notBefore', 'asc')
      // bounded: one sweep sends the 50 oldest due; the rest wait for the next sweep a minute later
      .limit(50)
      .get(),
  )
}

/** Intents claimed by a dispatcher that died before recording the outcome go back to pending. */
export async function releaseStaleClaims(db: Database, before: Date): Promise<void> {
  await db
    .collection(NOTIFICATIONS)
    .where({ status: 'sending', updatedAt: db.command.lt(before) })
    .update({ data: { status: 'pending' } })
}

/** Claims one intent for sending; false when someone else has it. */
export async function claimIntent(db: Database, id: string, now: Date): Promise<boolean> {
  const res = (await db
    .collection(NOTIFICATIONS)
    .where({ _id: id, status: 'pending' })
    .update({ data: { status: 'sending', attempts: db.command.inc(1), updatedAt: now } })) as {
    stats?: { updated?: number }
  }
  return (res.stats?.updated ?? 0) === 1
}

/** Records how an intent ended. */
export async function finishIntent(
  db: Database,
  id: string,
  result: Pick<IntentDoc, 'status' | 'outcome' | 'deliveries'>,
  now: Date,
): Promise<void> {
  await db
    .collection(NOTIFICATIONS)
    .where({ _id: id })
    .update({ data: { ...result, updatedAt: now } })
}

/** The intents of one ticket, oldest first (what its record says about who was reached). */
export async function intentsOfTicket(db: Database, ticketId: string): Promise<IntentDoc[]> {
  const rows = await readAll<IntentDoc>(db, NOTIFICATIONS, { ticketId })
  return rows.sort(
    (a, b) =>
      new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime() ||
      a._id.localeCompare(b._id),
  )
}

/** Ids of tickets whose push reached nobody and landed on the safety office's board, newest first. */
export async function boardTicketIds(db: Database, limit: number): Promise<string[]> {
  const rows = rowsOf<IntentDoc>(
    await db
      .collection(NOTIFICATIONS)
      .where({ outcome: 'board' })
      .orderBy('updatedAt', 'desc')
      // bounded: the board lists the newest `limit` tickets that reached nobody
      .limit(limit)
      .get(),
  )
  return [...new Set(rows.map((r) => r.ticketId))]
}

/** Writes intents that are not written yet (their ids dedupe a repeated run). */
export async function insertIntents(db: Database, intents: IntentDoc[]): Promise<void> {
  for (const intent of intents) {
    try {
      await db.collection(NOTIFICATIONS).add({ data: intent })
    } catch (error) {
      if (!isDuplicateKey(error)) throw error
    }
  }
}

/** How many pushes each person received as a copy (抄送) for an owner who could not be reached. */
export async function copiedCounts(db: Database): Promise<Record<string, number>> {
  const $ = db.command.aggregate
  const list = await aggregateAll<{ _id: string; n: number }>(() =>
    db
      .collection(NOTIFICATIONS)
      .aggregate()
      .match({ outcome: 'copied' })
      .unwind('$deliveries')
      .match({ 'deliveries.copy': true, 'deliveries.ok': true })
      .group({ _id: '$deliveries.userId', n: $.sum(1) }),
  )
  return Object.fromEntries(list.map((r) => [r._id, r.n]))
}

/**
 * Records a later answer for an intent's text (a retry that went out, or finally failed): its SMS
 * delivery is replaced, and a hazard that had reached nobody counts as texted once the text is sent.
 */
export async function reviseSmsDelivery(
  db: Database,
  id: string,
  delivery: Delivery,
  now: Date,
): Promise<void> {
  const [intent] = await readByIds<IntentDoc>(db, NOTIFICATIONS, [id])
  if (!intent || intent.status !== 'done') return
  const deliveries = intent.deliveries.map((d) => (d.channel === 'sms' ? delivery : d))
  const outcome =
    delivery.ok && (intent.outcome === 'board' || intent.outcome === 'failed')
      ? 'sms'
      : intent.outcome
  await db
    .collection(NOTIFICATIONS)
    .where({ _id: id, status: 'done' })
    .update({ data: { deliveries, outcome, updatedAt: now } })
}

/** A person's evening lists written since `since`. */
export async function eveningsOfUser(
  db: Database,
  userId: string,
  since: Date,
): Promise<IntentDoc[]> {
  return readAll<IntentDoc>(db, NOTIFICATIONS, {
    'to.userId': userId,
    kind: 'evening',
    createdAt: db.command.gte(since),
  })
}

/** Marks an evening list as opened in the app (once). */
export async function markEveningRead(db: Database, id: string, now: Date): Promise<void> {
  await db
    .collection(NOTIFICATIONS)
    .where({ _id: id, kind: 'evening', readAt: db.command.eq(null) })
    .update({ data: { readAt: now } })
}
