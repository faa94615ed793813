// The one door every change of a ticket goes through, whoever causes it (a person, a timer, a
// platform callback): authorize → load → decide (pure row) → guarded write of ticket, journal,
// push intents and counting record in one transaction. A person's act answers right then; the
// pushes, the count and the photos' screening follow (`ticket.follow`, else the timers).
import { intentsOfTicket, queueIntents } from '../notify/store/outbox'
import { requireUser } from '../runtime/auth'
import type { ActParsed, TicketView } from '../../../types/api/ticket'
import type { TicketAction } from '../../../types/ticket'
import { check, decide, TRANSITIONS } from './domain/machine'
import { factsOf } from './domain/machine'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { Actor, EventDoc, TicketDoc, UserDoc } from './domain/ticket'
import { commitTransition, getTicket, listEvents } from './store/tickets'
import { intentsFor, type IntentDoc } from '../notify/intent'
import { enforceRateLimit } from './store/limits'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { canRead, relationsOf, userActor } from './actor'
import { loadWorld } from './load'
import { allHours, notBefore as holdUntil } from '../ladder/domain/sla'
import { quietHours } from '../runtime/settings'
import { chainWith, viewFor } from './read'
import { countTransition, recordForCounting } from '../stats/record'
import { allWrites } from '../runtime/rows'
import { getUsersByIds } from '../runtime/users'

/** What a transition left behind: the ticket as written, its chain, its event, its push intents. */
export interface Transitioned {
  ticket: TicketDoc
  chain: readonly OwnerStep[]
  event: EventDoc
  intents: IntentDoc[]
  /** Counts the transition now (never throws); left uncounted, `ticket.follow` or the catch-up do. */
  count: () => Promise<void>
}

/** What a transition is, before its commit: enough to build the answer beside the commit. */
export type Decided = Pick<Transitioned, 'ticket' | 'chain' | 'event' | 'intents'>

/** What a caller of the door already loaded or decided. */
interface Known {
  ticket?: TicketDoc
  chainOf?: (t: TicketDoc) => Promise<readonly OwnerStep[]>
  /** A timer's act recorded at the moment it fell due (逾期 at the deadline); default: now. */
  at?: Date
}

/** Takes one action on a ticket as `actor`; exactly one of concurrent conflicting actions wins. */
export async function transition(
  ctx: ActionContext,
  actor: Actor,
  input: ActParsed,
  /** What the caller already loaded (a sweep reads the ticket and caches chains per floor). */
  known: Known = {},
): Promise<Transitioned> {
  return (await decideAndCommit(ctx, actor, input, known)).done
}

/**
 * The door's work: `answer`, when given, starts once the transition is decided and runs beside
 * its commit (it only reads); a lost commit discards it.
 */
async function decideAndCommit<A>(
  ctx: ActionContext,
  actor: Actor,
  input: ActParsed,
  known: Known & {
    /** A refusal that must come before anything is written (the caller's hourly limit). */
    gate?: Promise<void>
    answer?: (decided: Decided) => Promise<A>
  },
): Promise<{ done: Transitioned; answer?: Promise<A> }> {
  const now = known.at && actor.kind === 'system' ? known.at : ctx.now()
  const t = known.ticket?._id === input.id ? known.ticket : await getTicket(ctx.db, input.id)
  if (!t) throw new AppError('ticket.not_found')
  // The reporter (whom a transition may notify) is read with the chain's people, or beside a chain
  // the caller already holds.
  let reporterRead: Promise<UserDoc[]>
  let chain: readonly OwnerStep[]
  if (known.chainOf) {
    reporterRead = getUsersByIds(ctx.db, [t.reporterId])
    reporterRead.catch(() => undefined)
    chain = await known.chainOf(t)
  } else {
    const loaded = await chainWith(ctx, t, now, [t.reporterId])
    reporterRead = Promise.resolve(loaded.also)
    chain = loaded.chain
  }
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

  const world = await loadWorld(ctx, t, input, actor, chain, now, relations, reporterRead)
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
    ...(outcome.event.photos?.length ? { unscreened: true } : {}),
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
  // Statistics: the transaction records the transition as uncounted; the caller counts it (a sweep
  // at once, a person's act through `ticket.follow`), or else the stats catch-up does.
  const counting = recordForCounting(t, ticket, {
    action: input.action,
    at: now,
    actorId: actor.id,
  })
  await known.gate
  const answer = known.answer?.({ ticket, chain: ticketChain, event, intents })
  answer?.catch(() => undefined)
  const won = await commitTransition(ctx.db, t._id, { version: t.version }, outcome.patch, {
    event,
    alsoWrite: allWrites(queueIntents(intents), counting.record),
    link: outcome.link,
  })
  if (!won) throw await conflict()
  const done = {
    ticket,
    chain: ticketChain,
    event,
    intents,
    count: () => countTransition(ctx.db, counting),
  }
  return { done, answer }
}

/**
 * A caller's act: the transition, answered once it is committed. The view's reach lines say which
 * pushes are still pending; the client follows them (`ticket.follow`). Who calls is checked first,
 * then their hourly limit: over it, every act is refused alike, whatever the ticket.
 */
export async function actOnTicket(ctx: ActionContext, input: ActParsed): Promise<TicketView> {
  // The ticket is read beside the caller's identity; nothing of it is told before both checks.
  const stored = getTicket(ctx.db, input.id)
  stored.catch(() => undefined)
  const user = await requireUser(ctx)
  // The hourly act limit is read beside the ticket's world and refuses before any write.
  const gate = enforceRateLimit(ctx, 'act', user._id)
  gate.catch(() => undefined)
  const actor = userActor(user)
  try {
    const ticket = await stored
    if (!ticket) throw new AppError('ticket.not_found')
    // The journal and the outbox are read after the ticket: a commit that wins finds them as of
    // this version, and the answer adds what it writes.
    const journal = listEvents(ctx.db, ticket._id)
    const outbox = intentsOfTicket(ctx.db, ticket._id)
    journal.catch(() => undefined)
    outbox.catch(() => undefined)
    const { answer } = await decideAndCommit(ctx, actor, input, {
      ticket,
      gate,
      answer: (d) =>
        viewFor(ctx, actor, d.ticket, d.chain, {
          events: journal.then((e) => [...e.filter((x) => x.seq < d.event.seq), d.event]),
          // A slow read may already see this commit's own intents: each is listed once.
          intents: outbox.then((i) => [
            ...i.filter((x) => !d.intents.some((n) => n._id === x._id)),
            ...d.intents,
          ]),
        }),
    })
    return await answer!
  } catch (error) {
    await gate
    throw error
  }
}

function defined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>
}
