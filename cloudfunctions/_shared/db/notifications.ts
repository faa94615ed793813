// The push outbox: the only code that names the notifications collection.
import type { Database } from '../runtime/context'
import { rowsOf } from './rows'
import type { IntentDoc } from '../notify/intent'

export const NOTIFICATIONS = 'notifications'

/** Intents by id that are still waiting to be sent. */
export async function pendingIntents(db: Database, ids: string[]): Promise<IntentDoc[]> {
  const _ = db.command
  const where = ids.length ? { _id: _.in(ids), status: 'pending' } : { status: 'pending' }
  return rowsOf<IntentDoc>(await db.collection(NOTIFICATIONS).where(where).limit(50).get())
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
  return rowsOf<IntentDoc>(
    await db
      .collection(NOTIFICATIONS)
      .where({ ticketId })
      .orderBy('createdAt', 'asc')
      .limit(100)
      .get(),
  )
}
