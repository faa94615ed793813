// Who is calling: the one rule that turns a call's identity into a staff member and their roles.
import { Role } from '../../../types/roles'
import { AppError } from './app-error'
import type { ActionContext } from './context'
import { findUserByOpenid, type UserDoc } from './users'

export { Role }

/** The bound staff member making this call: auth.unknown_user without one (an empty OPENID included), auth.blocked when blocked. */
export async function requireUser(ctx: ActionContext): Promise<UserDoc> {
  if (!ctx.openid) throw new AppError('auth.unknown_user')
  const user = await findUserByOpenid(ctx.db, ctx.openid)
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
