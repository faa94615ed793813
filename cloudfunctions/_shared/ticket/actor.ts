// Who is acting and how they stand towards a ticket — from the OPENID, never from the input.
import type { Relation } from '../domain/ticket-machine'
import type { OwnerStep } from '../db/org'
import type { TicketDoc } from '../db/tickets'
import { findUserByOpenid, type UserDoc } from '../db/users'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'

/** The bound staff member making this call: auth.unknown_user without one (an empty OPENID included), auth.blocked when blocked. */
export async function requireUser(ctx: ActionContext): Promise<UserDoc> {
  if (!ctx.openid) throw new AppError('auth.unknown_user')
  const user = await findUserByOpenid(ctx.db, ctx.openid)
  if (!user) throw new AppError('auth.unknown_user')
  if (user.blocked) throw new AppError('auth.blocked')
  return user
}

/** The caller, who must hold the safety-office role; auth.forbidden otherwise. */
export async function requireSafetyOffice(ctx: ActionContext): Promise<UserDoc> {
  const user = await requireUser(ctx)
  if (!user.roles.includes('safety_office')) throw new AppError('auth.forbidden')
  return user
}

/** The caller's relations to a ticket given the floor's escalation chain. */
export function relationsOf(user: UserDoc, ticket: TicketDoc, chain: OwnerStep[]): Set<Relation> {
  const out = new Set<Relation>(['staff'])
  if (ticket.reporterId === user._id) out.add('reporter')
  if (ticket.ownerId === user._id) out.add('owner')
  if (chain.some((s) => s.userId === user._id && s.level > ticket.level)) out.add('above')
  if (user.roles.includes('safety_office')) out.add('safety')
  return out
}
