// Who is acting and how they stand towards a ticket — from the OPENID, never from the input.
import { Role, hasRole } from '../runtime/auth'
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import type { Relation } from './domain/machine'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { Actor, TicketDoc, UserDoc } from './domain/ticket'

/** A staff member as the actor of a transition. */
export function userActor(user: UserDoc): Actor {
  return { kind: 'user', id: user._id, name: user.name, user }
}

/** The system (a timer, a platform callback) as the actor of a transition. */
export const SYSTEM_ACTOR: Actor = { kind: 'system', id: 'system', name: '系统' }

/** The actor's relations to a ticket given the floor's escalation chain. */
export function relationsOf(
  actor: Actor,
  ticket: TicketDoc,
  chain: readonly OwnerStep[],
): Set<Relation> {
  if (actor.kind === 'system') return new Set<Relation>(['system'])
  const user = actor.user
  const out = new Set<Relation>(['staff'])
  if (ticket.reporterId === user._id) out.add('reporter')
  // Relations come from the floor's duty chain now, never from a stored owner id: after a handover
  // the new holder stands for the work. The holder of the owning duty, or its deputy (or a
  // co-holder) at the same level, is its owner; the rest of the chain is above or below it.
  const levels: number[] = chain.filter((s) => s.userId === user._id).map((s) => s.level)
  if (levels.includes(ticket.level)) out.add('owner')
  if (levels.some((l) => l > ticket.level)) out.add('above')
  if (levels.some((l) => l < ticket.level)) out.add('below')
  if (hasRole(user, Role.safetyOffice)) out.add('safety')
  if (hasRole(user, Role.leader)) out.add('leader')
  return out
}

/**
 * Whether the actor may read the ticket: anyone on staff while it is open (it is on a floor they
 * can walk onto); a finished one only its reporter, its handlers, the safety office and leadership.
 */
export function canRead(
  actor: Actor,
  ticket: TicketDoc,
  relations: ReadonlySet<Relation>,
  chain: readonly OwnerStep[] = [],
): boolean {
  if (actor.kind === 'system') return true
  const involved =
    (['reporter', 'owner', 'above', 'below', 'safety', 'leader'] as const).some((r) =>
      relations.has(r),
    ) ||
    // Anyone on the floor's duty chain reads its finished work (the 已办结 lists).
    chain.some((s) => s.userId === actor.user._id)
  return involved || (OPEN_STATES as readonly TicketState[]).includes(ticket.status)
}
