// What follows a report or an act once its answer is out, never after an answer: the ticket's
// pushes still pending and due are sent (through notify's dispatch, which claims each intent, so
// nothing goes twice), its transitions are counted, its new photos are screened. The client calls
// `ticket.follow` right after an answer with pending reach lines; notify's timer (pushes) and the
// sla sweep (counting, screening) do the same for a client that never does.
import type { TicketView } from '../../../types/api/ticket'
import { requireUser } from '../runtime/auth'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { getUsersByIds } from '../runtime/users'
import { intentsOfTicket } from '../notify/store/outbox'
import type { IntentDoc } from '../notify/intent'
import { dispatchNow } from '../notify/queue'
import { countTicket } from '../stats/record'
import { screenPhotos } from '../media/screen'
import type { EventDoc, TicketDoc } from './domain/ticket'
import { getTicket, listEvents, listUnscreened, markScreened } from './store/tickets'
import { canRead, relationsOf, userActor } from './actor'
import { chainOf, viewFor } from './read'

/** notify.dispatch takes at most this many intents a call. */
const DISPATCH_CHUNK = 20

/** Whether an intent waits to be sent now (not one held for the quiet hours' morning). */
function dueNow(i: IntentDoc, now: Date): boolean {
  return i.status === 'pending' && !(i.held && new Date(i.notBefore) > now)
}

/** Sends the ticket's pending, due pushes; answers its intents as they stand afterwards. */
async function sendPending(ctx: ActionContext, ticketId: string): Promise<IntentDoc[]> {
  const before = await intentsOfTicket(ctx.db, ticketId)
  const due = before.filter((i) => dueNow(i, ctx.now())).map((i) => i._id)
  if (due.length === 0) return before
  for (let i = 0; i < due.length; i += DISPATCH_CHUNK)
    await dispatchNow(ctx, due.slice(i, i + DISPATCH_CHUNK))
  return intentsOfTicket(ctx.db, ticketId)
}

/** Screens the photos of these events, each as its uploader, and records each event screened. */
async function screenEvents(ctx: ActionContext, events: readonly EventDoc[]): Promise<number> {
  const waiting = events.filter((e) => e.unscreened && e.photos?.length)
  if (waiting.length === 0) return 0
  const openids = new Map(
    (await getUsersByIds(ctx.db, [...new Set(waiting.map((e) => e.actorId))])).map((u) => [
      u._id,
      u.openid,
    ]),
  )
  for (const e of waiting) {
    await screenPhotos(ctx, {
      ticketId: e.ticketId,
      uploaderId: e.actorId,
      fileIds: e.photos ?? [],
      openid: openids.get(e.actorId) || ctx.openid,
    })
    await markScreened(ctx.db, e._id)
  }
  return waiting.length
}

/** Sends, counts and screens what one ticket's commits left; answers its intents afterwards. */
export async function settleTicket(
  ctx: ActionContext,
  t: TicketDoc,
  events: readonly EventDoc[],
): Promise<IntentDoc[]> {
  const [intents] = await Promise.all([
    sendPending(ctx, t._id),
    countTicket(ctx.db, t._id),
    screenEvents(ctx, events).catch((error: unknown) => {
      console.error('[ticket] screening left to the sweep', t._id, error)
    }),
  ])
  return intents
}

/**
 * `ticket.follow`: settles a ticket its caller may read and answers the fresh view. A caller who
 * may not read it is refused before anything is done, alike whether the ticket exists.
 */
export async function followTicket(ctx: ActionContext, id: string): Promise<TicketView> {
  const actor = userActor(await requireUser(ctx))
  const t = await getTicket(ctx.db, id)
  const chain = t ? await chainOf(ctx, t, ctx.now()) : []
  if (!t || !canRead(actor, t, relationsOf(actor, t, chain), chain))
    throw new AppError('auth.forbidden')
  const events = await listEvents(ctx.db, t._id)
  const intents = await settleTicket(ctx, t, events)
  return viewFor(ctx, actor, t, chain, { events, intents: Promise.resolve(intents) })
}

/** The sla sweep's backstop: screens the photos no follow-up call screened (a page a minute). */
export async function screenLeftovers(ctx: ActionContext): Promise<number> {
  return screenEvents(ctx, await listUnscreened(ctx.db, 20))
}
