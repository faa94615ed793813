// Reporting a hazard: the ticket, its first journal event, the push to the floor's owner and the
// report's counting record are written together, and the answer follows that commit: its reach
// lines say the push is still pending, and the success screen calls `ticket.follow` (follow.ts),
// which sends it, counts the report and screens its photos (notify's timer and the sla sweep do
// whatever no follow did).
import { requireUser } from '../runtime/auth'
import { createHash } from 'node:crypto'
import type { z } from 'zod'
import type { CreateTicketInput, TicketView } from '../../../types/api/ticket'
import { ownerAtOrAbove } from '../org/domain/owner-chain'
import { notBefore, responseMinutesOf, slaPatch } from '../ladder/domain/sla'
import { quietHours } from '../runtime/settings'
import type { Actor, EventDoc, TicketDoc, TicketSource } from './domain/ticket'
import { getBuilding, getCategory, getFloor, loadOwnerChain } from '../org/store/org'
import { getTicket, insertTicket } from './store/tickets'
import { queueIntents } from '../notify/store/outbox'
import type { OwnerStep } from '../org/domain/owner-chain'
import { intentsFor } from '../notify/intent'
import { enforceRateLimit } from './store/limits'
import { requireOwnPhotos } from '../media/evidence'
import { AppError } from '../runtime/app-error'
import { callerKey, type ActionContext } from '../runtime/context'
import { userActor } from './actor'
import { recordForCounting } from '../stats/record'
import { allWrites } from '../runtime/rows'
import { viewFor } from './read'
import { gradeOnReport } from './domain/grade'
import { allHours } from '../ladder/domain/sla'

type CreateInput = z.output<typeof CreateTicketInput>

async function checkText(ctx: ActionContext, text: string): Promise<void> {
  if (!text.trim()) return
  try {
    const res = (await ctx.cloud.openapi.security.msgSecCheck({
      content: text,
      version: 2,
      scene: 2,
      openid: ctx.openid,
    })) as { result?: { suggest?: string } }
    if (res.result?.suggest === 'risky') throw new AppError('content.risky')
  } catch (error) {
    if (error instanceof AppError) throw error
    // The platform check failing must not stop a hazard report; it is logged for review.
    console.error('[ticket] msgSecCheck unavailable', error)
  }
}

/**
 * The answer for a retry or a twin request of a report another call inserted: the same ticket as
 * its record stands (pushes still pending are followed by the client, as after the first answer).
 */
async function twinView(
  ctx: ActionContext,
  actor: Actor,
  id: string,
  chain?: readonly OwnerStep[],
): Promise<TicketView> {
  // A twin that lost the insert's race may read just before the winner's commit is visible.
  const started = performance.now()
  for (let wait = 5; ; wait = Math.min(wait * 2, 100)) {
    const stored = await getTicket(ctx.db, id)
    if (stored) return viewFor(ctx, actor, stored, chain)
    if (performance.now() - started > TWIN_WAIT_MS) throw new AppError('internal')
    await new Promise((resolve) => setTimeout(resolve, wait))
  }
}

/** How long a twin request waits for the winner's commit to be readable. */
const TWIN_WAIT_MS = 1000

const invalid = (path: string, message: string) =>
  new AppError('input.invalid', message, { issues: [{ path, message }] })

/**
 * Reports a hazard. The same (reporter, clientKey) always yields the same single ticket. `source`
 * says where it was found when not from a scan (a round); it is kept on the ticket and its journal.
 */
export async function createTicket(
  ctx: ActionContext,
  input: CreateInput,
  source?: TicketSource,
): Promise<TicketView> {
  // The id comes from who reports (their OPENID or PC sign-in) and the device's key: a retry can only meet itself.
  const id = createHash('sha256')
    .update(`${callerKey(ctx)}\n${input.clientKey}`)
    .digest('hex')
    .slice(0, 32)
  const [user, existing, floor, category] = await Promise.all([
    requireUser(ctx),
    getTicket(ctx.db, id),
    getFloor(ctx.db, input.floorId),
    getCategory(ctx.db, input.categoryId),
  ])
  const actor = userActor(user)
  if (existing) return twinView(ctx, actor, id)
  // The hourly report limit (a retry never counts), the photos' check and the floor's lookups run
  // side by side; they only read, and their refusals still come in this order.
  // A round's findings are bounded by the round itself (one per floor and item, only from the people
  // it invited), so a leader walking a long checklist is never stopped by the hourly report limit.
  const limited = source ? Promise.resolve() : enforceRateLimit(ctx, 'report', user._id)
  limited.catch(() => undefined)
  const ownPhotos = requireOwnPhotos(ctx, user._id, 'photos', input.photos)
  ownPhotos.catch(() => undefined)
  const now = ctx.now()
  const rest =
    floor?.active && category?.active
      ? Promise.all([
          getBuilding(ctx.db, floor.buildingId),
          loadOwnerChain(ctx.db, floor, now),
          checkText(ctx, [input.description, input.spot].filter(Boolean).join('\n')),
        ])
      : null
  rest?.catch(() => undefined)
  await limited
  if (!floor?.active) throw invalid('floorId', '楼层不存在或已停用')
  if (!category?.active || !rest) throw invalid('categoryId', '隐患类别不存在')
  const photoUrls = await ownPhotos
  const [building, chain] = await rest
  // Ownership follows the roster, never consent: the floor's 层长 (or deputy), else the next level.
  const owner = ownerAtOrAbove(chain, 0)
  if (!owner) throw new AppError('org.not_found', '这个楼层还没有配置负责人，请联系安全办')
  const ticket: TicketDoc = {
    _id: id,
    clientKey: input.clientKey,
    reporterId: user._id,
    reporterName: user.name,
    anonymous: input.anonymous,
    floorId: floor._id,
    buildingId: floor.buildingId,
    place: `${building?.name ?? ''} ${floor.name}`.trim(),
    spot: input.spot ?? '',
    categoryId: category._id,
    categoryName: category.name,
    severity: category.severity,
    grade: gradeOnReport(category, input.grade),
    urgent: Boolean(category.urgent),
    responseMinutes: responseMinutesOf(category),
    description: input.description ?? '',
    photos: input.photos,
    afterPhotos: [],
    status: 'pending',
    level: owner.level,
    ownerId: owner.userId,
    ownerName: owner.name,
    cycle: 1,
    version: 1,
    supporterIds: [],
    rated: false,
    rating: null,
    deadline: null,
    departmentId: null,
    departmentName: null,
    plan: null,
    resolvedAt: null,
    resolvedBy: null,
    acceptedAt: null,
    ...(source ? { source } : {}),
    createdAt: now,
    updatedAt: now,
  }
  const event: EventDoc = {
    _id: `${id}:1`,
    ticketId: id,
    seq: 1,
    cycle: 1,
    action: 'create',
    from: null,
    to: 'pending',
    actorId: user._id,
    actorName: user.name,
    at: now,
    photos: input.photos,
    ...(input.photos.length ? { unscreened: true } : {}),
    toOwner: { level: owner.level, name: owner.name },
    ...(source ? { source } : {}),
  }
  const push = {
    kind: 'assigned' as const,
    to: {
      userId: owner.userId,
      openid: owner.openid,
      name: owner.name,
      level: owner.level,
      phone: owner.phone,
    },
    note: input.description || category.name,
  }
  // A new ticket starts its first step: the owner has the category's response time to accept.
  // Windows run in business time unless the hazard runs around the clock (sla.ts allHours): reported in the quiet hours, the clock starts at 07:00.
  const quiet = quietHours()
  Object.assign(ticket, slaPatch({ status: 'pending', level: -1, cycle: 0 }, ticket, now, quiet))
  // Urgent categories and 重大 hazards alike: one rule (allHours) for who runs around the clock and is texted.
  const urgent = allHours(ticket)
  const intents = intentsFor(
    ticket,
    1,
    [push],
    chain,
    urgent,
    now,
    notBefore(now, quiet, allHours(ticket)),
  )
  // Statistics: the insert records the report as uncounted; `ticket.follow` counts it (or else
  // the stats catch-up in the sla sweep does).
  const counting = recordForCounting(null, ticket, { action: 'create', at: now, actorId: user._id })
  // The answer is built beside the insert from what it writes: the push is queued (pending), not
  // yet sent; the photos show through the URLs their check just read. A lost insert discards it.
  const view = viewFor(ctx, actor, ticket, chain, {
    events: [event],
    intents: Promise.resolve(intents),
    photoUrls,
  })
  view.catch(() => undefined)
  const inserted = await insertTicket(
    ctx.db,
    ticket,
    event,
    allWrites(queueIntents(intents), counting.record),
  )
  if (!inserted) return twinView(ctx, actor, id, chain)
  return view
}
