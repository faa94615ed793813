// Content checks of uploaded photos (`media_checks`): one record per photo, keyed by its file id, with
// the platform's trace id, the verdict, and the blurred / redacted renditions. The only code naming it.
import { createHash } from 'node:crypto'
import type { Database } from '../../runtime/context'
import { rowsOf, isDuplicateKey, readByIds } from '../../runtime/rows'

const MEDIA = 'media_checks'

export type MediaStatus = 'pending' | 'pass' | 'risky' | 'review'

export interface MediaCheckDoc {
  _id: string
  fileId: string
  ticketId: string
  uploaderId: string
  traceId: string | null
  status: MediaStatus
  label?: string
  blurredFileId?: string
  redactedFileId?: string
  redactedBy?: string
  redactedAt?: Date
  releasedBy?: string
  createdAt: Date
  updatedAt: Date
  checkedAt?: Date
  /** In the safety office's queue (flagged and not yet released). */
  queued?: boolean
}

/** The record id of a photo's check. */
export function mediaCheckId(fileId: string): string {
  return createHash('sha256').update(fileId).digest('hex').slice(0, 32)
}

/** Writes a pending check once; false when the photo was already submitted (a retry). */
export async function insertMediaCheck(db: Database, doc: MediaCheckDoc): Promise<boolean> {
  try {
    await db.collection(MEDIA).add({ data: doc })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Remembers the platform's trace id, by which the verdict will come back. */
export async function setTraceId(db: Database, id: string, traceId: string): Promise<void> {
  await db
    .collection(MEDIA)
    .where({ _id: id })
    .update({ data: { traceId, updatedAt: new Date() } })
}

/** The checks of these photos, by file id. */
export async function getChecks(
  db: Database,
  fileIds: string[],
): Promise<Map<string, MediaCheckDoc>> {
  const ids = [...new Set(fileIds)].map(mediaCheckId)
  const rows = await readByIds<MediaCheckDoc>(db, MEDIA, ids)
  return new Map(rows.map((r) => [r.fileId, r]))
}

/** The check of one photo, or null. */
export async function getCheck(db: Database, fileId: string): Promise<MediaCheckDoc | null> {
  return (await getChecks(db, [fileId])).get(fileId) ?? null
}

/** The check a trace id belongs to, or null when the trace id is unknown. */
export async function findByTrace(db: Database, traceId: string): Promise<MediaCheckDoc | null> {
  return (
    rowsOf<MediaCheckDoc>(await db.collection(MEDIA).where({ traceId }).limit(1).get())[0] ?? null
  )
}

/** Records the verdict once (only over `pending`); true when this call recorded it. */
export async function recordVerdict(
  db: Database,
  id: string,
  patch: { status: Exclude<MediaStatus, 'pending'>; label?: string; blurredFileId?: string },
  at: Date,
): Promise<boolean> {
  const res = (await db
    .collection(MEDIA)
    .where({ _id: id, status: 'pending' })
    .update({
      data: { ...patch, queued: patch.status !== 'pass', checkedAt: at, updatedAt: at },
    })) as {
    stats?: { updated?: number }
  }
  return (res.stats?.updated ?? 0) === 1
}

/** Flagged photos awaiting the safety office, newest verdict first. */
export async function listFlagged(db: Database, limit: number): Promise<MediaCheckDoc[]> {
  return rowsOf<MediaCheckDoc>(
    await db
      .collection(MEDIA)
      .where({ queued: true })
      .orderBy('checkedAt', 'desc')
      // bounded: the safety office's queue shows the newest `limit` (≤ the contract's cap)
      .limit(limit)
      .get(),
  )
}

/** Points a photo at its redacted copy (the original stays, for audit only). */
export async function setRedacted(
  db: Database,
  id: string,
  redactedFileId: string,
  by: string,
  at: Date,
): Promise<void> {
  await db
    .collection(MEDIA)
    .where({ _id: id })
    .update({ data: { redactedFileId, redactedBy: by, redactedAt: at, updatedAt: at } })
}

/** The safety office overrules a flag after looking: the photo passes. */
export async function releaseFlag(
  db: Database,
  id: string,
  by: string,
  at: Date,
): Promise<boolean> {
  const res = (await db
    .collection(MEDIA)
    .where({ _id: id, status: db.command.in(['risky', 'review']) })
    .update({ data: { status: 'pass', queued: false, releasedBy: by, updatedAt: at } })) as {
    stats?: { updated?: number }
  }
  return (res.stats?.updated ?? 0) === 1
}
