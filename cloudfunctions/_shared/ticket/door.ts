// The one door every change of a ticket goes through, whoever causes it (a person, a timer, a
// platform callback): authorize → load → decide (pure row) → guarded write of ticket, journal and
// push intents in one transaction → dispatch the pushes.
import { queueIntents } from '../notify/store/outbox'
import { requireUser } from '../runtime/auth'
import type { ActParsed, TicketView } from '../../../types/api/ticket'
import type { TicketAction } from '../../../types/ticket'
import { check, decide, TRANSITIONS } from './domain/machine'
import { factsOf } from './domain/machine'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { Actor, EventDoc, TicketDoc } from './domain/ticket'
import { commitTransition, getTicket } from './store/tickets'
import { intentsFor } from '../notify/intent'
import { dispatchNow } from '../notify/queue'
import { enforceRateLimit } from './store/limits'
import { screenPhotos } from '../media/screen'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { canRead, relationsOf, userActor } from './actor'
import { loadWorld } from './load'
import { allHours, notBefore as holdUntil } from '../ladder/domain/sla'
import { quietHours } from '../runtime/settings'
import { chainOf, viewFor } from './read'
import { countTransition, recordForCounting } from '../stats/record'
import { allWrites } from '../runtime/rows'

/** What a transition left behind: the ticket as written, its chain, its event, its push intents. */
export interface Transitioned {
  ticket: TicketDoc
  chain: readonly OwnerStep[]
  event: EventDoc
  intentIds: string[]
  /** The transition's statistics, already under way: await it beside the pushes (it never throws). */
  counted: Promise<void>
}

/** Takes one action on a ticket as `actor`; exactly one of concurrent conflicting actions wins. */
export async function transition(
  ctx: ActionContext,
  actor: Actor,
  input: ActParsed,
  /** What the caller already loaded (a sweep reads the ticket and caches chains per floor). */
  known: {
    ticket?: TicketDoc
    chainOf?: (t: TicketDoc) => Promise<readonly OwnerStep[]>
    /** A timer's act recorded at the moment it fell due (逾期 at the deadline); default: now. */
    at?: Date
  } = {},
): Promise<Transitioned> {
  const now = known.at && actor.kind === 'system' ? known.at : ctx.now()
  const t = known.ticket?._id === input.id ? known.ticket : await getTicket(ctx.db, input.id)
  if (!t) throw new AppError('ticket.not_found')
  const chain = known.chainOf ? await known.chainOf(t) : await chainOf(ctx, t, now)
  const relations = relationsOf(actor, t, chain)
  // Authorize first: a caller who may not take this action learns nothing else about the ticket.
  if (!TRANSITIONS[input.action].who.some((r) => relations.has(r)))
    throw new AppError('auth.forbidden')
  const conflict = async () => {
    // The system (a sweep) that lost a race just moves on: no one reads a view built for it.
    if (actor.kind === 'system') return new AppError('ticket.conflict')
    const fresh = (await getTicket(ctx.db, t._id)) ?? t
    const readable = canRead(actor, fresh, relationsOf(actor, fresh, chain), chain)
    return new AppError('ticket.conflict', undefined, {
      data: readable ? await viewFor(ctx, actor, fresh) : undefined,
    })
  }
  if (input.version !== undefined && input.version !== t.version) throw await conflict()
  const verdict = check(input.action, factsOf(t), relations, actor.id, now)
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason)

  const world = await loadWorld(ctx, t, input, actor, chain, now, relations)
  const outcome = decide(input.action as TicketAction, t, input as never, world)
  const ticket = { ...t, ...outcome.patch } as TicketDoc
  const seq = ticket.version
  const event: EventDoc = {
    _id: `${t._id}:${seq}`,
    ticketId: t._id,
    seq,
    cycle: ticket.cycle,
    action: input.action,
    from: t.status,
    to: outcome.to,
    actorId: actor.id,
    actorName: actor.name,
    at: now,
    ...defined(outcome.event),
  }
  const ticketChain = world.found.targetFloorId?.chain ?? chain
  // Urgent categories and 重大 hazards alike: one rule (allHours) for who runs around the clock and is texted.
  const urgent = allHours(ticket)
  const intents = intentsFor(
    ticket,
    seq,
    outcome.notifications,
    ticketChain,
    urgent,
    now,
    holdUntil(now, quietHours(), allHours(ticket)),
  )
  // Statistics: the transaction records the transition as uncounted; it is counted right after,
  // beside whatever the caller does next (the pushes), or else by the stats catch-up.
  const counting = recordForCounting(t, ticket, {
    action: input.action,
    at: now,
    actorId: actor.id,
  })
  const won = await commitTransition(
    ctx.db,
    t._id,
    { status: t.status, version: t.version },
    outcome.patch,
    { event, alsoWrite: allWrites(queueIntents(intents), counting.record), link: outcome.link },
  )
  if (!won) throw await conflict()
  const counted = countTransition(ctx.db, counting)
  return { ticket, chain: ticketChain, event, intentIds: intents.map((i) => i._id), counted }
}

/** A caller's act: the transition, its pushes sent, and the fresh view. */
export async function actOnTicket(ctx: ActionContext, input: ActParsed): Promise<TicketView> {
  const user = await requireUser(ctx)
  await enforceRateLimit(ctx, 'act', user._id) // hourly act limit
  const actor = userActor(user)
  const done = await transition(ctx, actor, input)
  const photos = done.event.photos ?? []
  // The photos' checks and the statistics run beside the pushes; the answer waits for all three.
  const screening = photos.length
    ? screenPhotos(ctx, { ticketId: done.ticket._id, uploaderId: user._id, fileIds: photos })
    : Promise.resolve()
  // The record's reach lines are read once the pushes have ended, so they tell the truth.
  const dispatched = dispatchNow(ctx, done.intentIds).then(() => undefined)
  const [view] = await Promise.all([
    viewFor(ctx, actor, done.ticket, done.chain, { intents: dispatched }),
    screening,
    done.counted,
  ])
  return view
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
