// The audit log: every block, unblock, reveal of an anonymous reporter, redaction and look at an
// original photo, with who did it and why. Append-only; nothing in the app edits or deletes it.
import { createHash } from 'node:crypto'
import type { Database } from '../runtime/context'
import { rowsOf, isDuplicateKey } from './rows'

export const AUDIT_LOG = 'audit_log'

export type AuditAction =
  | 'user.block'
  | 'user.unblock'
  | 'ticket.reveal_reporter'
  | 'photo.redact'
  | 'photo.view_original'
  | 'photo.release'

/** One audit entry as the caller describes it. */
export interface AuditEntry {
  action: AuditAction
  actorId: string
  actorName: string
  targetType: 'user' | 'ticket' | 'photo'
  targetId: string
  reason?: string
  /** Anything else worth keeping (e.g. the ticket a photo belongs to). */
  detail?: Record<string, unknown>
  at: Date
  /** Same key → one entry: pass the request id (or another retry-stable key) so a retry never duplicates. */
  dedupeKey?: string
}

export interface AuditDoc extends Omit<AuditEntry, 'dedupeKey'> {
  _id: string
}

/** Appends an entry (once per dedupeKey); returns its id. */
export async function recordAudit(db: Database, entry: AuditEntry): Promise<string> {
  const { dedupeKey, ...rest } = entry
  const seed = dedupeKey
    ? `${entry.action}\n${entry.actorId}\n${entry.targetId}\n${dedupeKey}`
    : `${entry.action}\n${entry.actorId}\n${entry.targetId}\n${entry.at.getTime()}\n${Math.random()}`
  const _id = createHash('sha256').update(seed).digest('hex').slice(0, 32)
  try {
    await db.collection(AUDIT_LOG).add({ data: { _id, ...rest } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  return _id
}

/** The newest audit entries, before a (time, id) position when given. */
export async function listAudit(
  db: Database,
  limit: number,
  before?: { at: Date; id: string },
): Promise<AuditDoc[]> {
  const _ = db.command
  const where = before ? { at: _.lte(before.at), _id: _.neq(before.id) } : {}
  const rows = rowsOf<AuditDoc>(
    await db
      .collection(AUDIT_LOG)
      .where(where)
      .orderBy('at', 'desc')
      .orderBy('_id', 'desc')
      // bounded: one page; the caller pages on with `before`
      .limit(limit + 20)
      .get(),
  )
  // The roster's own entries share the collection; this log lists the trust actions.
  const ours = rows.filter((r) => typeof r.action === 'string' && typeof r.actorName === 'string')
  const after = before
    ? ours.filter((r) => new Date(r.at).getTime() < before.at.getTime() || r._id < before.id)
    : ours
  return after.slice(0, limit)
}
