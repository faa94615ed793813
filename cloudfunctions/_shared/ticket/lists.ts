// The role-aware 待办: who sees which tickets (scope from roles and the duty roster), paged by
// (time, id) cursors through declared indexes, with counts computed from the same conditions.
import { BUILDING_DUTIES } from '../../../types/roles'
import { Role, hasRole } from '../runtime/auth'
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import type { HospitalFilter, StateFilter, Workbench } from '../../../types/api/ticket-lists'
import type { TicketSummary } from '../../../types/api/ticket'
import {
  getBuilding,
  getBuildingsWithFloors,
  getCategory,
  getFloor,
  getFloorsByIds,
  listDutiesOfUser,
} from '../org/store/org'
import {
  countOnFloors,
  countOpenByFloor,
  countTickets,
  DONE_STATES,
  overdueWhere,
  pageOnFloors,
  pageTickets,
  searchWhere,
  type SortBy,
  type Where,
} from './store/lists'
import type { PageCursor, TicketDoc } from './store/tickets'
import type { UserDoc } from '../runtime/users'
import { AppError } from '../runtime/app-error'
import { visibleThumbnails } from '../media/renditions'
import type { ActionContext } from '../runtime/context'
import { toSummary } from './view'

const BY_CREATED: SortBy = { field: 'createdAt', dir: 'desc' }

export interface ListPage {
  items: TicketSummary[]
  nextCursor: string | null
}

/** Parses a `time|id` cursor from the contract (already shape-checked by zod). */
export function parseCursor(cursor: string | undefined): PageCursor | undefined {
  if (!cursor) return undefined
  const [at, id] = cursor.split('|')
  return { at: new Date(at), id }
}

function cursorAfter(items: TicketDoc[], limit: number, sort: SortBy): string | null {
  const last = items[items.length - 1]
  return items.length === limit && last
    ? `${new Date(last[sort.field]).toISOString()}|${last._id}`
    : null
}

/** A page of ticket rows for one viewer, with thumbnails, and the cursor of the next page. */
export async function summarize(
  ctx: ActionContext,
  viewer: UserDoc,
  docs: TicketDoc[],
  limit: number,
  sort: SortBy,
): Promise<ListPage> {
  const urls = await visibleThumbnails(ctx, viewer, docs) // content checks decide thumbnails
  const now = ctx.now()
  return {
    items: docs.map((t) => toSummary(t, viewer._id, { thumbUrl: urls[t.photos[0]] ?? null, now })),
    nextCursor: cursorAfter(docs, limit, sort),
  }
}

const isSafety = (u: UserDoc): boolean => hasRole(u, Role.safetyOffice)
const isLeader = (u: UserDoc): boolean => hasRole(u, Role.leader)

/** The buildings and floors the caller holds a duty for now. */
async function dutyScope(
  ctx: ActionContext,
  user: UserDoc,
): Promise<{ buildingIds: string[]; floorIds: string[] }> {
  const duties = await listDutiesOfUser(ctx.db, user._id, ctx.now())
  return {
    buildingIds: [
      ...new Set(
        duties
          .filter((d) => BUILDING_DUTIES.includes(d.duty) && d.buildingId)
          .map((d) => d.buildingId!),
      ),
    ],
    floorIds: [
      ...new Set(
        duties.filter((d) => d.duty === Role.floorCaptain && d.floorId).map((d) => d.floorId!),
      ),
    ],
  }
}

function awaitingConfirmWhere(ctx: ActionContext, userId: string): Where[] {
  return [{ reporterId: userId, status: ctx.db.command.in(['fixed', 'closed']), rated: false }]
}

/** Which 待办 the caller gets, the places it covers, and the badge of 我的上报. */
export async function workbenchOf(ctx: ActionContext, user: UserDoc): Promise<Workbench> {
  const [scope, awaitingConfirm] = await Promise.all([
    dutyScope(ctx, user),
    countTickets(ctx.db, awaitingConfirmWhere(ctx, user._id), BY_CREATED),
  ])
  const [buildings, floors] = await Promise.all([
    getBuildingsWithFloors(ctx.db, scope.buildingIds),
    getFloorsByIds(ctx.db, scope.floorIds),
  ])
  const floorPlaces = await Promise.all(
    floors.map(async (f) => {
      const b = await getBuilding(ctx.db, f.buildingId)
      return { id: f._id, name: `${b?.name ?? ''} ${f.name}`.trim() }
    }),
  )
  const kind: Workbench['kind'] = isSafety(user)
    ? 'safety'
    : buildings.length > 0
      ? 'building'
      : floors.length > 0 || hasRole(user, Role.floorCaptain)
        ? 'floor'
        : isLeader(user)
          ? 'leader'
          : 'reporter'
  return {
    kind,
    readOnly: kind === 'leader',
    buildings: buildings.map((b) => ({
      id: b._id,
      name: b.name,
      floors: b.floors.map((f) => ({ id: f._id, name: f.name })),
    })),
    floors: floorPlaces,
    awaitingConfirm,
  }
}

/** My reports, newest first; only those waiting for my confirmation when asked. */
export async function myReports(
  ctx: ActionContext,
  user: UserDoc,
  input: { limit: number; before?: string; awaitingConfirm?: boolean },
): Promise<ListPage> {
  const sort = BY_CREATED
  const where = input.awaitingConfirm
    ? awaitingConfirmWhere(ctx, user._id)
    : [{ reporterId: user._id }]
  const docs = await pageTickets(ctx.db, where, sort, input.limit, parseCursor(input.before))
  return summarize(ctx, user, docs, input.limit, sort)
}

/** The building the caller may list: one in their duty scope, or any for the safety office and leadership. */
async function buildingInScope(
  ctx: ActionContext,
  user: UserDoc,
  buildingId: string | undefined,
): Promise<{ id: string; name: string }> {
  const { buildingIds } = await dutyScope(ctx, user)
  const hospitalWide = isSafety(user) || isLeader(user)
  const id = buildingId ?? buildingIds[0]
  // Authorization first: an id outside the caller's scope is refused whether it exists or not.
  if (!id || (!buildingIds.includes(id) && !hospitalWide)) throw new AppError('auth.forbidden')
  const building = await getBuilding(ctx.db, id)
  if (!building)
    throw new AppError('input.invalid', '楼栋不存在', {
      issues: [{ path: 'buildingId', message: '楼栋不存在' }],
    })
  return { id: building._id, name: building.name }
}

/** A 协管员's or 楼长's building: every open ticket on any of its floors, stuck (longest untouched) first. */
export async function buildingList(
  ctx: ActionContext,
  user: UserDoc,
  input: { buildingId?: string; limit: number; before?: string },
) {
  const building = await buildingInScope(ctx, user, input.buildingId)
  const _ = ctx.db.command
  const open: Where = { buildingId: building.id, status: _.in([...OPEN_STATES]) }
  // Stuck first: the oldest last change comes first. (With SLA due times, sort by `dueAt`.)
  const sort: SortBy = { field: 'updatedAt', dir: 'asc' }
  const [docs, perFloor, owned, overdue, done, floors] = await Promise.all([
    pageTickets(ctx.db, [open], sort, input.limit, parseCursor(input.before)),
    countOpenByFloor(ctx.db, building.id),
    countTickets(ctx.db, [{ ...open, ownerId: user._id }], sort),
    countTickets(ctx.db, [{ buildingId: building.id }, ...overdueWhere(ctx.db, ctx.now())], sort),
    countTickets(ctx.db, [{ buildingId: building.id, status: _.in([...DONE_STATES]) }], sort),
    getBuildingsWithFloors(ctx.db, [building.id]),
  ])
  const page = await summarize(ctx, user, docs, input.limit, sort)
  return {
    ...page,
    building,
    counts: {
      open: Object.values(perFloor).reduce((a, b) => a + b, 0),
      owned,
      overdue,
      done,
    },
    floors: (floors[0]?.floors ?? []).map((f) => ({
      id: f._id,
      name: f.name,
      open: perFloor[f._id] ?? 0,
    })),
  }
}

const RECENT_FIRST: SortBy = { field: 'updatedAt', dir: 'desc' }

/**
 * A 层长's 待办: every ticket on the floors they hold a captaincy for now (primary or deputy),
 * whatever its level — escalation brings a supervisor in, the floor keeps its work — in the states
 * asked for, most recently changed first, with the floors' counts per state from the same scope.
 */
export async function floorList(
  ctx: ActionContext,
  user: UserDoc,
  input: { status?: TicketState; limit: number; before?: string },
) {
  const { floorIds } = await dutyScope(ctx, user)
  const states: readonly TicketState[] = input.status ? [input.status] : OPEN_STATES
  const [docs, counts] = await Promise.all([
    pageOnFloors(ctx.db, floorIds, states, RECENT_FIRST, input.limit, parseCursor(input.before)),
    countOnFloors(ctx.db, floorIds),
  ])
  return { ...(await summarize(ctx, user, docs, input.limit, RECENT_FIRST)), counts }
}

/** Finished work: a building's (for its 协管员/楼长), or that of the caller's floors (层长). */
export async function doneList(
  ctx: ActionContext,
  user: UserDoc,
  input: { buildingId?: string; limit: number; before?: string },
) {
  const _ = ctx.db.command
  const sort = RECENT_FIRST
  const cursor = parseCursor(input.before)
  if (!input.buildingId) {
    const { floorIds } = await dutyScope(ctx, user)
    const [docs, counts] = await Promise.all([
      pageOnFloors(ctx.db, floorIds, DONE_STATES, sort, input.limit, cursor),
      countOnFloors(ctx.db, floorIds),
    ])
    const total = DONE_STATES.reduce((n, s) => n + (counts[s] ?? 0), 0)
    return { ...(await summarize(ctx, user, docs, input.limit, sort)), total }
  }
  const building = await buildingInScope(ctx, user, input.buildingId)
  const where = [{ buildingId: building.id, status: _.in([...DONE_STATES]) }]
  const [docs, total] = await Promise.all([
    pageTickets(ctx.db, where, sort, input.limit, cursor),
    countTickets(ctx.db, where, sort),
  ])
  return { ...(await summarize(ctx, user, docs, input.limit, sort)), total }
}

function statesOf(filter: StateFilter): TicketState[] {
  if (filter === 'open') return [...OPEN_STATES]
  if (filter === 'done') return [...DONE_STATES]
  return [filter]
}

function invalid(path: string, message: string): AppError {
  return new AppError('input.invalid', message, { issues: [{ path, message }] })
}

/** Midnight of a `YYYY-MM-DD` day in Asia/Shanghai, as a UTC instant. */
function shanghaiDay(day: string): Date {
  return new Date(`${day}T00:00:00+08:00`)
}

/** The filter's conditions, after checking every id it names exists. */
async function hospitalWhere(ctx: ActionContext, f: HospitalFilter): Promise<Where[]> {
  const _ = ctx.db.command
  const [building, floor, category] = await Promise.all([
    f.buildingId ? getBuilding(ctx.db, f.buildingId) : undefined,
    f.floorId ? getFloor(ctx.db, f.floorId) : undefined,
    f.categoryId ? getCategory(ctx.db, f.categoryId) : undefined,
  ])
  if (f.buildingId && !building) throw invalid('buildingId', '楼栋不存在')
  if (f.floorId && !floor) throw invalid('floorId', '楼层不存在')
  if (f.floorId && f.buildingId && floor?.buildingId !== f.buildingId)
    throw invalid('floorId', '楼层不属于所选楼栋')
  if (f.categoryId && !category) throw invalid('categoryId', '隐患类别不存在')
  if (f.from && f.to && f.from > f.to) throw invalid('to', '结束日期应不早于开始日期')
  const eq: Where = {}
  if (f.floorId) eq.floorId = f.floorId
  else if (f.buildingId) eq.buildingId = f.buildingId
  if (f.categoryId) eq.categoryId = f.categoryId
  if (f.level !== undefined) eq.level = f.level
  if (f.status) {
    const states = statesOf(f.status)
    eq.status = states.length === 1 ? states[0] : _.in(states)
  }
  const where: Where[] = [eq]
  if (f.from || f.to) {
    const from = f.from ? _.gte(shanghaiDay(f.from)) : undefined
    const to = f.to ? _.lt(new Date(shanghaiDay(f.to).getTime() + 86400_000)) : undefined
    where.push({ createdAt: from && to ? from.and(to) : (from ?? to) })
  }
  if (f.overdue === true) where.push(...overdueWhere(ctx.db, ctx.now()))
  if (f.overdue === false)
    where.push(_.nor([_.and(overdueWhere(ctx.db, ctx.now()) as never[])]) as unknown as Where)
  if (f.q) where.push(searchWhere(ctx.db, f.q))
  return where
}

/** The whole hospital, newest first, filtered and searched: the safety office's list, leadership's view. */
export async function hospitalList(
  ctx: ActionContext,
  user: UserDoc,
  input: HospitalFilter & { limit: number; before?: string },
) {
  if (!isSafety(user) && !isLeader(user)) throw new AppError('auth.forbidden')
  const { limit, before, ...filter } = input
  const where = await hospitalWhere(ctx, filter)
  const sort = BY_CREATED
  const [docs, total] = await Promise.all([
    pageTickets(ctx.db, where, sort, limit, parseCursor(before)),
    countTickets(ctx.db, where, sort),
  ])
  return { ...(await summarize(ctx, user, docs, limit, sort)), total }
}
