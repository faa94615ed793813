// Reading a ticket: the caller's view with its journal, who was reached, the actions they may take
// and the evidence each one asks for.
import { requireUser } from '../runtime/auth'
import type { TicketView } from '../../../types/api/ticket'
import { allowedActions, factsOf } from './domain/machine'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { Actor, EventDoc, TicketDoc, UserDoc } from './domain/ticket'
import { loadOwnerChain, loadOwnerChainWith } from '../org/store/org'
import { getTicket, listEvents } from './store/tickets'
import { intentsOfTicket } from '../notify/store/outbox'
import { reachOf } from '../notify/reach'
import type { IntentDoc } from '../notify/intent'
import { visiblePhotoUrls } from '../media/renditions'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { canRead, relationsOf, userActor } from './actor'
import { toView } from './view'
import { choicesOf, formOf } from './evidence'

/** The floor chain of a ticket, now (a floor never moves to another building, nor is removed). */
export function chainOf(ctx: ActionContext, t: TicketDoc, now: Date): Promise<OwnerStep[]> {
  return loadOwnerChain(ctx.db, { _id: t.floorId, buildingId: t.buildingId }, now)
}

/** A ticket's floor chain (as `chainOf`), with `userIds`' records read in the same round trip. */
export function chainWith(
  ctx: ActionContext,
  t: TicketDoc,
  now: Date,
  userIds: readonly string[],
): Promise<{ chain: OwnerStep[]; also: UserDoc[] }> {
  return loadOwnerChainWith(ctx.db, { _id: t.floorId, buildingId: t.buildingId }, now, userIds)
}

/**
 * The view of a ticket for an actor, with the journal and the actions they may take. `known` holds
 * what the caller already read or is reading (a journal, an outbox, the photos' temporary URLs).
 */
export async function viewFor(
  ctx: ActionContext,
  actor: Actor,
  t: TicketDoc,
  chain?: readonly OwnerStep[],
  known: {
    events?: EventDoc[] | Promise<EventDoc[]>
    intents?: Promise<IntentDoc[] | undefined>
    photoUrls?: Readonly<Record<string, string>>
  } = {},
): Promise<TicketView> {
  const now = ctx.now()
  const ownerChain = chain ?? (await chainOf(ctx, t, now))
  const relations = relationsOf(actor, t, ownerChain)
  const allowed = allowedActions(factsOf(t), relations, actor.id, now)
  const forms = allowed.map(formOf)
  // The form's choices do not wait for the journal.
  const choices = choicesOf(ctx, t, forms)
  choices.catch(() => undefined)
  const events = await (known.events ?? listEvents(ctx.db, t._id))
  const [intents, choiceLists, { urls, states }] = await Promise.all([
    // Just committed: the caller knows the outbox; else read it.
    Promise.resolve(known.intents).then((i) => i ?? intentsOfTicket(ctx.db, t._id)),
    choices,
    // Each photo's content check and the viewer's relation decide what URL (if any) they get.
    visiblePhotoUrls(
      ctx,
      relations,
      [...t.photos, ...t.afterPhotos, ...events.flatMap((e) => e.photos ?? [])],
      known.photoUrls,
    ),
  ])
  const view = toView(t, {
    viewerId: actor.id,
    relations,
    events,
    allowedActions: allowed,
    forms,
    choices: choiceLists,
    reach: reachOf(intents, now),
    photoUrls: urls,
    now: ctx.now(),
  })
  return { ...view, photoStates: states }
}

/** Loads a ticket the caller may see: reporter, handlers, safety office, or anyone on an open hazard. */
export async function getTicketView(ctx: ActionContext, id: string): Promise<TicketView> {
  const actor = userActor(await requireUser(ctx))
  const t = await getTicket(ctx.db, id)
  if (!t) throw new AppError('ticket.not_found')
  const chain = await chainOf(ctx, t, ctx.now())
  if (!canRead(actor, t, relationsOf(actor, t, chain), chain)) throw new AppError('auth.forbidden')
  return viewFor(ctx, actor, t, chain)
}
