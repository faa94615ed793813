// Texts waiting for a phone number: one row per hazard's text, batched per number when sent and
// retried when the provider's per-number limit frees. The only code that names sms_queue.
import type { Database } from '../../runtime/context'
import { isDuplicateKey, readAll, readByIds, rowsOf } from '../../runtime/rows'

const QUEUE = 'sms_queue'
const DAY = 86400_000

/** One hazard's text for one number. */
export interface SmsItem {
  /** The push intent it belongs to (one text per intent). */
  _id: string
  phone: string
  userId: string
  name: string
  role: string
  place: string
  category: string
  status: 'queued' | 'sending' | 'sent' | 'failed'
  notBefore: Date
  attempts: number
  /** The provider's last answer (kept for logs) and its reason in Chinese. */
  code: string | null
  reason: string | null
  sentAt: Date | null
  createdAt: Date
  updatedAt: Date
}

/** Queues a text; false when this intent's text is already queued (a retried dispatch). */
export async function queueSms(db: Database, item: SmsItem): Promise<boolean> {
  try {
    await db.collection(QUEUE).add({ data: item })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** One intent's text, as it stands. */
export async function getSms(db: Database, id: string): Promise<SmsItem | null> {
  return (await readByIds<SmsItem>(db, QUEUE, [id]))[0] ?? null
}

/** Numbers with texts due now (the sweep flushes each). */
export async function dueNumbers(db: Database, now: Date): Promise<string[]> {
  const rows = rowsOf<{ phone: string }>(
    await db
      .collection(QUEUE)
      .where({ status: 'queued', notBefore: db.command.lte(now) })
      .orderBy('notBefore', 'asc')
      .field({ phone: true })
      // bounded: one sweep flushes the numbers of the 100 oldest due texts; the rest wait a sweep
      .limit(100)
      .get(),
  )
  return [...new Set(rows.map((r) => r.phone))]
}

/** A number's texts due now. */
export async function dueForNumber(db: Database, phone: string, now: Date): Promise<SmsItem[]> {
  return (
    await readAll<SmsItem>(db, QUEUE, {
      phone,
      status: 'queued',
      notBefore: db.command.lte(now),
    })
  ).sort((a, b) => new Date(a.createdAt).getTime() - new Date(b.createdAt).getTime())
}

/** Claims a queued text for one send; false when another dispatcher has it. */
export async function claimSms(db: Database, id: string, now: Date): Promise<boolean> {
  const res = (await db
    .collection(QUEUE)
    .where({ _id: id, status: 'queued' })
    .update({ data: { status: 'sending', attempts: db.command.inc(1), updatedAt: now } })) as {
    stats?: { updated?: number }
  }
  return (res.stats?.updated ?? 0) === 1
}

/** Records how one send of claimed texts ended. */
export async function settleSms(
  db: Database,
  ids: string[],
  data: Pick<SmsItem, 'status' | 'code' | 'reason'> & { notBefore?: Date; sentAt?: Date },
  now: Date,
): Promise<void> {
  for (const id of ids)
    await db
      .collection(QUEUE)
      .where({ _id: id })
      .update({ data: { ...data, updatedAt: now } })
}

/** When this number was texted in the last day (for the time its limit frees). */
export async function recentSends(db: Database, phone: string, now: Date): Promise<Date[]> {
  const rows = await readAll<SmsItem>(
    db,
    QUEUE,
    { phone, status: 'sent', sentAt: db.command.gt(new Date(now.getTime() - DAY)) },
    { field: { sentAt: true } },
  )
  return [...new Set(rows.map((r) => new Date(r.sentAt!).getTime()))].map((t) => new Date(t))
}

/** Texts claimed by a dispatcher that died before recording the outcome go back to the queue. */
export async function releaseStaleSms(db: Database, before: Date): Promise<void> {
  await db
    .collection(QUEUE)
    .where({ status: 'sending', updatedAt: db.command.lt(before) })
    .update({ data: { status: 'queued' } })
}
