// The ticket's use cases: report, view, act. Every transition: authorize → load → apply (pure
// table) → update guarded by status + version → journal → queue notifications.
import { createHash } from 'node:crypto'
import { OPEN_STATES, type TicketAction, type TicketState } from '../../../types/ticket'
import type { ActInput, CreateTicketInput, TicketView } from '../../../types/api/ticket'
import type { z } from 'zod'
import { allowedActions, check } from '../domain/ticket-machine'
import {
  getBuilding,
  getCategory,
  getFloor,
  getUsersByIds,
  loadOwnerChain,
  type FloorDoc,
  type OwnerStep,
} from '../db/org'
import {
  addEvent,
  getTicket,
  insertTicket,
  listEvents,
  updateTicketIf,
  type EventDoc,
  type TicketDoc,
} from '../db/tickets'
import type { UserDoc } from '../db/users'
import { enforceRateLimit } from '../db/limits'
import { visiblePhotoUrls } from '../media/renditions'
import { screenPhotos } from '../media/screen'
import { dispatchNow, queueNotification, type NotificationKind } from '../notify/queue'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { relationsOf, requireUser } from './actor'
import { toView } from './view'

type CreateInput = z.output<typeof import('../../../types/api/ticket').CreateTicketInput>
type ActParsed = z.output<typeof import('../../../types/api/ticket').ActInput>
export type { CreateTicketInput, ActInput }

/** The owner at `level` or, when nobody holds it, the next level up. */
export function ownerAtOrAbove(chain: OwnerStep[], level: number): OwnerStep | undefined {
  return chain.find((s) => s.level >= level)
}

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

function queue(
  ctx: ActionContext,
  kind: NotificationKind,
  t: TicketDoc,
  to: { userId: string; openid: string },
  note: string,
  key: string,
): Promise<string> {
  return queueNotification(ctx.db, {
    kind,
    ticketId: t._id,
    toUserId: to.userId,
    toOpenid: to.openid,
    fields: {
      category: t.categoryName,
      place: t.spot ? `${t.place} ${t.spot}` : t.place,
      time: ctx.now(),
      note,
    },
    dedupeKey: key,
  })
}

async function notify(
  ctx: ActionContext,
  kind: NotificationKind,
  t: TicketDoc,
  to: { userId: string; openid: string },
  note: string,
  key: string,
): Promise<void> {
  await dispatchNow(ctx, [await queue(ctx, kind, t, to, note, key)])
}

/** The view of a ticket for the caller, with the journal and the actions they may take. */
export async function viewFor(
  ctx: ActionContext,
  user: UserDoc,
  t: TicketDoc,
  chain?: OwnerStep[],
  knownEvents?: EventDoc[],
): Promise<TicketView> {
  const floor = chain ? undefined : await getFloor(ctx.db, t.floorId)
  const ownerChain = chain ?? (floor ? await loadOwnerChain(ctx.db, floor, ctx.now()) : [])
  const relations = relationsOf(user, t, ownerChain)
  const events = knownEvents ?? (await listEvents(ctx.db, t._id))
  const facts = {
    status: t.status,
    level: t.level,
    rated: t.rated,
    supporterIds: t.supporterIds,
    resolvedAt: t.resolvedAt ? new Date(t.resolvedAt) : null,
  }
  // issue 8: each photo's content check and the viewer's relation decide what URL (if any) they get.
  const { urls, states } = await visiblePhotoUrls(ctx, relations, [
    ...t.photos,
    ...t.afterPhotos,
    ...events.flatMap((e) => e.photos ?? []),
  ])
  const view = toView(t, {
    viewerId: user._id,
    relations,
    events,
    allowedActions: allowedActions(facts, relations, user._id, ctx.now()),
    photoUrls: urls,
  })
  return { ...view, photoStates: states }
}

/** Reports a hazard. The same (reporter, clientKey) always yields the same single ticket. */
export async function createTicket(ctx: ActionContext, input: CreateInput): Promise<TicketView> {
  // The id comes from who reports (their OPENID) and the device's key: a retry can only meet itself.
  const id = createHash('sha256')
    .update(`${ctx.openid}\n${input.clientKey}`)
    .digest('hex')
    .slice(0, 32)
  const [user, existing, floor, category] = await Promise.all([
    requireUser(ctx),
    getTicket(ctx.db, id),
    getFloor(ctx.db, input.floorId),
    getCategory(ctx.db, input.categoryId),
  ])
  if (existing) return viewFor(ctx, user, existing)
  await enforceRateLimit(ctx, 'report', user._id) // issue 8: hourly report limit (a retry never counts)
  if (!floor || !floor.active)
    throw new AppError('input.invalid', '楼层不存在或已停用', {
      issues: [{ path: 'floorId', message: '楼层不存在或已停用' }],
    })
  if (!category || !category.active)
    throw new AppError('input.invalid', '隐患类别不存在', {
      issues: [{ path: 'categoryId', message: '隐患类别不存在' }],
    })
  const now = ctx.now()
  const [building, chain] = await Promise.all([
    getBuilding(ctx.db, floor.buildingId),
    loadOwnerChain(ctx.db, floor, now),
    checkText(ctx, [input.description, input.spot].filter(Boolean).join('\n')),
  ])
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
    plan: null,
    resolvedAt: null,
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
  }
  // The push intent is written with the ticket (both ids derive from the request, so a retry writes
  // neither twice), and dispatched while the answer is built.
  const [inserted, intentId] = await Promise.all([
    insertTicket(ctx.db, ticket, event),
    queue(ctx, 'assigned', ticket, owner, input.description || category.name, `${id}:1:assigned`),
  ])
  const stored = inserted ? ticket : await getTicket(ctx.db, id)
  if (!stored) throw new AppError('internal')
  const [view] = await Promise.all([
    viewFor(ctx, user, stored, chain, inserted ? [event] : undefined),
    dispatchNow(ctx, [intentId]),
    screenPhotos(ctx, { ticketId: id, uploaderId: user._id, fileIds: input.photos }), // issue 8
  ])
  return view
}

/** Loads a ticket the caller may see: reporter, handlers, safety office, or anyone on an open hazard. */
export async function getTicketView(ctx: ActionContext, id: string): Promise<TicketView> {
  const user = await requireUser(ctx)
  const t = await getTicket(ctx.db, id)
  if (!t) throw new AppError('ticket.not_found')
  const floor = await getFloor(ctx.db, t.floorId)
  const chain = floor ? await loadOwnerChain(ctx.db, floor, ctx.now()) : []
  const relations = relationsOf(user, t, chain)
  const involved =
    ['reporter', 'owner', 'above', 'safety'].some((r) => relations.has(r as never)) ||
    user.roles.includes('leader')
  // Anyone on staff may see a hazard that is still open (it is on a floor they can walk onto);
  // a finished one only its reporter, its handlers, the safety office and leadership.
  if (!involved && !(OPEN_STATES as readonly TicketState[]).includes(t.status))
    throw new AppError('auth.forbidden')
  return viewFor(ctx, user, t, chain)
}

function need<T>(value: T | undefined | null, field: string, message: string): T {
  if (value === undefined || value === null || value === '')
    throw new AppError('input.invalid', message, { issues: [{ path: field, message }] })
  return value
}

/** Takes one action on a ticket; exactly one of concurrent conflicting actions wins. */
export async function actOnTicket(ctx: ActionContext, input: ActParsed): Promise<TicketView> {
  const user = await requireUser(ctx)
  await enforceRateLimit(ctx, 'act', user._id) // issue 8: hourly act limit
  const t = await getTicket(ctx.db, input.id)
  if (!t) throw new AppError('ticket.not_found')
  const floor = (await getFloor(ctx.db, t.floorId)) as FloorDoc
  const now = ctx.now()
  const chain = await loadOwnerChain(ctx.db, floor, now)
  const conflict = async () =>
    new AppError('ticket.conflict', undefined, {
      data: await viewFor(ctx, user, (await getTicket(ctx.db, t._id))!, chain),
    })
  if (input.version !== undefined && input.version !== t.version) throw await conflict()
  const relations = relationsOf(user, t, chain)
  const facts = {
    status: t.status,
    level: t.level,
    rated: t.rated,
    supporterIds: t.supporterIds,
    resolvedAt: t.resolvedAt ? new Date(t.resolvedAt) : null,
  }
  const verdict = check(input.action, facts, relations, user._id, now)
  if (!verdict.ok) throw new AppError(verdict.code, verdict.reason)

  const patch: Partial<TicketDoc> = { status: verdict.to, version: t.version + 1, updatedAt: now }
  let note = input.note ?? input.reason ?? ''
  let photos: string[] | undefined
  let push: { kind: NotificationKind; to: { userId: string; openid: string } } | undefined
  const action: TicketAction = input.action
  switch (action) {
    case 'fix':
    case 'complete':
      photos = need(input.afterPhotos, 'afterPhotos', '请拍摄整改后的照片')
      patch.afterPhotos = [...t.afterPhotos, ...photos]
      if (action === 'fix') patch.resolvedAt = now
      break
    case 'defer': {
      const deadline = new Date(need(input.deadline, 'deadline', '请选择整改期限'))
      if (deadline <= now)
        throw new AppError('input.invalid', '整改期限应晚于现在', {
          issues: [{ path: 'deadline', message: '整改期限应晚于现在' }],
        })
      patch.deadline = deadline
      patch.departmentId = need(input.departmentId, 'departmentId', '请选择责任部门')
      patch.plan = need(input.plan, 'plan', '请填写整改方案')
      note = `期限 ${deadline.toISOString().slice(0, 10)}：${patch.plan}`
      break
    }
    case 'verify':
      patch.resolvedAt = now
      break
    case 'sendBack':
    case 'reject':
    case 'reopen':
      need(input.reason, 'reason', '请填写原因')
      if (action === 'reject') patch.resolvedAt = now
      if (action === 'reopen') {
        const owner = ownerAtOrAbove(chain, 0)
        if (!owner) throw new AppError('org.not_found')
        Object.assign(patch, {
          cycle: t.cycle + 1,
          level: owner.level,
          ownerId: owner.userId,
          ownerName: owner.name,
          rated: false,
          rating: null,
          resolvedAt: null,
          afterPhotos: [],
          deadline: null,
        })
        push = { kind: 'assigned', to: owner }
      }
      break
    case 'duplicate':
      need(input.duplicateOf, 'duplicateOf', '请选择重复的隐患')
      need(input.reason, 'reason', '请填写原因')
      patch.resolvedAt = now
      break
    case 'escalate': {
      const next = ownerAtOrAbove(chain, t.level + 1)
      if (!next) throw new AppError('ticket.invalid_transition', '没有更高一级的负责人')
      Object.assign(patch, { level: next.level, ownerId: next.userId, ownerName: next.name })
      note = input.reason ?? '上报升级'
      push = { kind: 'escalated', to: next }
      break
    }
    case 'transfer': {
      const target = await getFloor(
        ctx.db,
        need(input.targetFloorId, 'targetFloorId', '请选择转办的楼层'),
      )
      if (!target || !target.active)
        throw new AppError('input.invalid', '目标楼层不存在', {
          issues: [{ path: 'targetFloorId', message: '目标楼层不存在' }],
        })
      need(input.reason, 'reason', '请填写转办原因')
      const owner = ownerAtOrAbove(await loadOwnerChain(ctx.db, target, now), 0)
      if (!owner) throw new AppError('org.not_found')
      const building = await getBuilding(ctx.db, target.buildingId)
      Object.assign(patch, {
        floorId: target._id,
        buildingId: target.buildingId,
        place: `${building?.name ?? ''} ${target.name}`.trim(),
        level: owner.level,
        ownerId: owner.userId,
        ownerName: owner.name,
      })
      push = { kind: 'assigned', to: owner }
      break
    }
    case 'confirm':
      patch.rated = true
      patch.rating = need(input.rating, 'rating', '请打分（1–5 星）')
      note = input.note ?? `评分 ${patch.rating} 星`
      break
    case 'support':
      patch.supporterIds = [...t.supporterIds, user._id]
      break
    case 'accept':
      break
  }
  if (!(await updateTicketIf(ctx.db, t._id, t.status, t.version, patch))) throw await conflict()
  const updated = { ...t, ...patch } as TicketDoc
  await addEvent(ctx.db, {
    _id: `${t._id}:${updated.version}`,
    ticketId: t._id,
    seq: updated.version,
    cycle: updated.cycle,
    action,
    from: t.status,
    to: updated.status,
    actorId: user._id,
    actorName: user.name,
    at: now,
    note: note || undefined,
    photos,
  })
  if (photos) await screenPhotos(ctx, { ticketId: t._id, uploaderId: user._id, fileIds: photos }) // issue 8
  if ((action === 'fix' || action === 'verify') && !push) {
    const [r] = await getUsersByIds(ctx.db, [t.reporterId])
    if (r) push = { kind: 'resolved', to: { userId: r._id, openid: r.openid } }
  }
  if (push)
    await notify(
      ctx,
      push.kind,
      updated,
      push.to,
      note || updated.categoryName,
      `${t._id}:${updated.version}:${push.kind}`,
    )
  return viewFor(ctx, user, updated, chain)
}

/** Internal: the owner could not be reached (no consent left) — hand the ticket one level up now. */
export async function escalateUnreachable(
  ctx: ActionContext,
  ticketId: string,
  fromUserId: string,
): Promise<boolean> {
  const t = await getTicket(ctx.db, ticketId)
  if (
    !t ||
    t.ownerId !== fromUserId ||
    !(OPEN_STATES as readonly TicketState[]).includes(t.status) ||
    t.status === 'reviewing'
  )
    return false
  const floor = await getFloor(ctx.db, t.floorId)
  if (!floor) return false
  const now = ctx.now()
  const next = ownerAtOrAbove(await loadOwnerChain(ctx.db, floor, now), t.level + 1)
  if (!next) return false
  const patch = {
    level: next.level,
    ownerId: next.userId,
    ownerName: next.name,
    version: t.version + 1,
    updatedAt: now,
  }
  if (!(await updateTicketIf(ctx.db, t._id, t.status, t.version, patch))) return false
  await addEvent(ctx.db, {
    _id: `${t._id}:${patch.version}`,
    ticketId: t._id,
    seq: patch.version,
    cycle: t.cycle,
    action: 'escalate',
    from: t.status,
    to: t.status,
    actorId: 'system',
    actorName: '系统',
    at: now,
    note: '负责人未开启消息提醒，已自动升级',
  })
  await notify(
    ctx,
    'escalated',
    { ...t, ...patch },
    next,
    '负责人暂时无法接收提醒',
    `${t._id}:${patch.version}:escalated`,
  )
  return true
}
