// Blocking and unblocking abusers, and the audit log: the safety office's trust desk.
import { Role, requireRole } from '../runtime/auth'
import { formatCursor } from '../../../types/cursor'
import { listAudit, recordAudit } from './store/audit'
import { findUserById, setBlocked } from '../runtime/users'
import { type ActionContext, AppError, type Routes } from '../runtime'

async function changeBlock(
  ctx: ActionContext,
  userId: string,
  blocked: boolean,
  reason: string,
): Promise<{ userId: string; blocked: boolean; changed: boolean }> {
  const actor = await requireRole(ctx, Role.safetyOffice)
  const target = await findUserById(ctx.db, userId)
  if (!target)
    throw new AppError('input.invalid', '没有这个用户', {
      issues: [{ path: 'userId', message: '没有这个用户' }],
    })
  if (target._id === actor._id)
    throw new AppError('input.invalid', '不能封禁自己', {
      issues: [{ path: 'userId', message: '不能封禁自己' }],
    })
  const now = ctx.now()
  const changed = await setBlocked(ctx.db, target._id, blocked, reason, now)
  if (changed)
    await recordAudit(ctx.db, {
      action: blocked ? 'user.block' : 'user.unblock',
      actorId: actor._id,
      actorName: actor.name,
      targetType: 'user',
      targetId: target._id,
      reason: reason || undefined,
      targetName: target.name,
      at: now,
      dedupeKey: `${blocked}:${now.getTime()}`,
    })
  return { userId: target._id, blocked, changed }
}

/** The safety office's trust desk: block, unblock, the audit log. */
export const safetyRoutes: Routes<'safety'> = {
  block: ({ userId, reason }, ctx) => changeBlock(ctx, userId, true, reason),
  unblock: ({ userId, reason }, ctx) => changeBlock(ctx, userId, false, reason ?? ''),
  auditLog: async ({ limit, before }, ctx) => {
    await requireRole(ctx, Role.safetyOffice)
    const rows = await listAudit(ctx.db, limit, before)
    const last = rows[rows.length - 1]
    return {
      items: rows.map((r) => ({
        id: r._id,
        action: r.action,
        actorName: r.actorName,
        targetType: r.targetType,
        targetId: r.targetId,
        targetName: r.targetName,
        reason: r.reason,
        at: new Date(r.at).toISOString(),
      })),
      nextCursor: rows.length === limit && last ? formatCursor(new Date(last.at), last._id) : null,
    }
  },
}
