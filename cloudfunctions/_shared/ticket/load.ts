// The door's "load": everything a transition's row may read, resolved and checked before deciding.
// Every looked-up evidence field is resolved through the evidence registry (a missing reference is
// an input error naming the field), and the owners the row hands the ticket to must be on the roster.
import type { ActParsed } from '../../../types/api/ticket'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { Actor, TicketDoc, UserDoc } from './domain/ticket'
import { unmetNeed, type Relation, type World } from './domain/machine'
import { getUsersByIds } from '../runtime/users'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { quietHours } from '../runtime/settings'
import { loadEvidence } from './evidence'

/** Loads the world of one transition; throws when a reference does not resolve or an owner is missing. */
export async function loadWorld(
  ctx: ActionContext,
  t: TicketDoc,
  input: ActParsed,
  actor: Actor,
  chain: readonly OwnerStep[],
  now: Date,
  relations: ReadonlySet<Relation>,
  /** The reporter's record, when the caller already started reading it. */
  reporterRead: Promise<UserDoc[]> = getUsersByIds(ctx.db, [t.reporterId]),
): Promise<World> {
  const [reporter, found] = await Promise.all([
    reporterRead.then(([r]) => (r ? { userId: r._id, openid: r.openid, name: r.name } : null)),
    loadEvidence({ ctx, t, actor, now }, input),
  ])
  const world: World = { now, quiet: quietHours(), actor, relations, chain, reporter, found }
  const unmet = unmetNeed(input.action, t, world)
  if (unmet) throw new AppError(unmet.code, unmet.reason)
  return world
}
