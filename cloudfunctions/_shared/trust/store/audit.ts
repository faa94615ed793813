// The audit log: every binding, invite, roster import, block, reveal of an anonymous reporter,
// redaction and look at an original photo, with who did it and why — the only code that names the
// collection, and one shape for every entry. Append-only; nothing in the app edits or deletes it.
import { createHash } from 'node:crypto'
import type { Database } from '../../runtime/context'
import type { AuditAction } from '../../../../types/audit'
import { rowsOf, isDuplicateKey } from '../../runtime/rows'

export const AUDIT_LOG = 'audit_log'

export type { AuditAction }

/** One audit entry as the caller describes it: who did what to whom, and why. */
export interface AuditEntry {
  action: AuditAction
  /** The acting user, or null for someone not (yet) known, e.g. a failed invite code. */
  actorId: string | null
  actorName: string
  targetType: 'user' | 'ticket' | 'photo' | 'roster' | 'pc_session'
  targetId: string
  /** The target's name when it is a person, for reading the log without a lookup. */
  targetName?: string
  reason?: string
  /** The WeChat OPENID involved, for bindings and invite attempts. */
  openid?: string
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

/** The newest audit entries (of one target when given), before a (time, id) position when given. */
export async function listAudit(
  db: Database,
  limit: number,
  before?: { at: Date; id: string },
  targetId?: string,
): Promise<AuditDoc[]> {
  const _ = db.command
  const where = {
    ...(before ? { at: _.lte(before.at), _id: _.neq(before.id) } : {}),
    ...(targetId ? { targetId } : {}),
  }
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
  const after = before
    ? rows.filter((r) => new Date(r.at).getTime() < before.at.getTime() || r._id < before.id)
    : rows
  return after.slice(0, limit)
}

/** How many failed invite codes an OPENID tried since `since`. */
export async function countFailedRedeems(
  db: Database,
  openid: string,
  since: Date,
): Promise<number> {
  const res = (await db
    .collection(AUDIT_LOG)
    .where({ openid, action: 'invite.redeem_failed', at: db.command.gte(since) })
    .count()) as { total?: number }
  return res.total ?? 0
}
