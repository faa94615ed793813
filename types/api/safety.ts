// The `safety` function: the safety office's tools against abuse — block, unblock, the audit log.
import { z } from 'zod'
import { PageCursor } from '../cursor'
import { safeText } from '../text'

const UserId = z.string().min(1).max(64)

export const BlockState = z.object({
  userId: z.string(),
  blocked: z.boolean(),
  changed: z.boolean(),
})

export const AuditItem = z.object({
  id: z.string(),
  action: z.string(),
  actorName: z.string(),
  targetType: z.string(),
  targetId: z.string(),
  targetName: z.string().optional(),
  reason: z.string().optional(),
  at: z.string(),
})

export const safetyApi = {
  /** Refuse every action of a user until unblocked (audited). */
  block: {
    input: z.object({ userId: UserId, reason: safeText({ min: 1, max: 200 }) }).strict(),
    output: BlockState,
  },
  /** Lift a block (audited). */
  unblock: {
    input: z.object({ userId: UserId, reason: safeText({ max: 200 }).optional() }).strict(),
    output: BlockState,
  },
  /** The audit log, newest first. */
  auditLog: {
    input: z
      .object({ limit: z.number().int().min(1).max(50).default(20), before: PageCursor.optional() })
      .strict(),
    output: z.object({ items: z.array(AuditItem), nextCursor: z.string().nullable() }),
  },
}
