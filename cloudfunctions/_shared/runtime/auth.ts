// Who is calling: the one rule that turns a call's identity — a mini-program's OPENID or a signed-in
// PC's custom-login uid — into a staff member and their roles. Both clients meet the same checks.
import { Role } from '../../../types/roles'
import { AppError } from './app-error'
import type { ActionContext } from './context'
import { findLivePcSession } from './pc-sessions'
import { findUserById, findUserByOpenid, type UserDoc } from './users'

export { Role }

/**
 * The staff member behind this call, or null when the caller is bound to none (no identity, an
 * unbound OPENID). A PC whose session ended or expired is refused with auth.session_ended.
 */
export async function findCaller(ctx: ActionContext): Promise<UserDoc | null> {
  if (ctx.openid) return findUserByOpenid(ctx.db, ctx.openid)
  if (!ctx.customUserId) return null
  const session = await findLivePcSession(ctx.db, ctx.customUserId, ctx.now())
  if (!session?.userId) throw new AppError('auth.session_ended')
  const user = await findUserById(ctx.db, session.userId)
  return user?.active ? user : null
}

/** The bound staff member making this call: auth.unknown_user without one (an empty identity included), auth.blocked when blocked. */
export async function requireUser(ctx: ActionContext): Promise<UserDoc> {
  const user = await findCaller(ctx)
  if (!user) throw new AppError('auth.unknown_user')
  if (user.blocked) throw new AppError('auth.blocked')
  return user
}

/** Whether a staff member holds any of the roles. */
export function hasRole(user: Pick<UserDoc, 'roles'>, ...roles: Role[]): boolean {
  return roles.some((r) => user.roles.includes(r))
}

/** The caller, who must hold one of the roles; auth.forbidden otherwise. */
export async function requireRole(ctx: ActionContext, ...roles: Role[]): Promise<UserDoc> {
  const user = await requireUser(ctx)
  if (!hasRole(user, ...roles)) throw new AppError('auth.forbidden')
  return user
}
