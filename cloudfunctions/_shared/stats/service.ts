// The stats use cases: who may see what, and the figures read from counters (never from tickets,
// except the few open tickets past their deadline right now).
import { BUILDING_DUTIES } from '../../../types/roles'
import { Role, hasRole, requireUser } from '../runtime/auth'
import type { Grid, Leaderboard, Summary } from '../../../types/api/stats'
import { listOpen, listRange, openTotal } from './store/counters'
import {
  getBuilding,
  getFloorLabels,
  listBuildings,
  listCategories,
  listDutiesOfUser,
} from '../org/store/org'
import { getUsersByIds } from '../runtime/users'
import { listOverdueOpen } from '../ticket/store/tickets'
import { HOSPITAL } from './domain/docs'
import {
  LEADERBOARD_SECTIONS,
  SUMMARY_SECTIONS,
  leaderboard,
  leaderboardUserIds,
  summarize,
  type Names,
} from './domain/summary'
import { AppError } from '../runtime/app-error'
import { roundFiguresBetween } from '../rounds/figures'
import type { ActionContext, Database } from '../runtime/context'

/** What the caller may see: the whole hospital, or some buildings. */
export type Access = { hospital: true } | { hospital: false; buildings: string[] }

/** Leadership and the safety office see the hospital; 楼长/协管员 their buildings; others nothing. */
export async function accessOf(ctx: ActionContext): Promise<Access> {
  const user = await requireUser(ctx)
  if (hasRole(user, Role.leader) || hasRole(user, Role.safetyOffice)) return { hospital: true }
  const now = ctx.now()
  const buildings = (await listDutiesOfUser(ctx.db, user._id, now))
    .filter((d) => BUILDING_DUTIES.includes(d.duty) && d.buildingId)
    .map((d) => d.buildingId!)
  if (buildings.length === 0) throw new AppError('auth.forbidden')
  return { hospital: false, buildings: [...new Set(buildings)].sort() }
}

/** The building a call is about (null: the hospital), refusing one outside the caller's access. */
export function scopeOf(access: Access, buildingId: string | undefined): string | null {
  if (access.hospital) return buildingId ?? null
  if (buildingId === undefined) return access.buildings[0]
  if (!access.buildings.includes(buildingId)) throw new AppError('auth.forbidden')
  return buildingId
}

type Org = Awaited<ReturnType<typeof listBuildings>>

async function loadOrg(db: Database): Promise<{ org: Org; names: Names }> {
  const [org, categories] = await Promise.all([listBuildings(db), listCategories(db)])
  const floors = new Map<string, string>()
  for (const b of org) for (const f of b.floors) floors.set(f._id, `${b.name} ${f.name}`)
  return { org, names: { categories: new Map(categories.map((c) => [c._id, c.name])), floors } }
}

function requireBuilding(org: Array<{ _id: string }>, buildingId: string | null): void {
  if (buildingId && !org.some((b) => b._id === buildingId))
    throw new AppError('input.invalid', '楼栋不存在', {
      issues: [{ path: 'buildingId', message: '楼栋不存在' }],
    })
}

/** Headline figures of a period for the hospital (buildingId null) or one building. */
export async function summaryOf(
  db: Database,
  range: { from: string; to: string },
  buildingId: string | null,
): Promise<Summary> {
  const [building, categories, days, open, rounds] = await Promise.all([
    buildingId ? getBuilding(db, buildingId) : null,
    listCategories(db),
    listRange(db, buildingId ?? HOSPITAL, range.from, range.to, SUMMARY_SECTIONS),
    openTotal(db, buildingId),
    roundFiguresBetween(db, range.from, range.to, buildingId),
  ])
  if (buildingId && !building) requireBuilding([], buildingId)
  const s = summarize(days, {
    ...range,
    buildingId,
    scopeName: building?.name ?? '全院',
    open,
    names: { categories: new Map(categories.map((c) => [c._id, c.name])), floors: new Map() },
  })
  // Only the few top floors need a label.
  const labels = await getFloorLabels(
    db,
    s.topFloors.map((f) => f.id),
  )
  return {
    ...s,
    topFloors: s.topFloors.map((f) => ({ ...f, name: labels.get(f.id) ?? f.id })),
    rounds,
  }
}

/** Buildings × floors with the hazards open now and those past their deadline. */
export async function gridOf(db: Database, now: Date, buildingId: string | null): Promise<Grid> {
  const { org } = await loadOrg(db)
  requireBuilding(org, buildingId)
  const [open, overdue] = await Promise.all([
    listOpen(db, buildingId ?? undefined),
    listOverdueOpen(db, now, buildingId ?? undefined),
  ])
  const openBy = new Map(open.map((o) => [o.floorId, Math.max(0, o.open)]))
  const overdueBy = new Map<string, number>()
  for (const t of overdue) overdueBy.set(t.floorId, (overdueBy.get(t.floorId) ?? 0) + 1)
  const buildings = org
    .filter((b) => !buildingId || b._id === buildingId)
    .map((b) => {
      const floors = b.floors.map((f) => ({
        id: f._id,
        name: f.name,
        level: f.level,
        open: openBy.get(f._id) ?? 0,
        overdue: overdueBy.get(f._id) ?? 0,
      }))
      return {
        id: b._id,
        name: b.name,
        open: floors.reduce((n, f) => n + f.open, 0),
        overdue: floors.reduce((n, f) => n + f.overdue, 0),
        floors,
      }
    })
  return { buildings }
}

/** The reporters' corps and the captains' response figures of a period. */
export async function leaderboardOf(
  db: Database,
  range: { from: string; to: string },
  buildingId: string | null,
): Promise<Leaderboard> {
  const days = await listRange(
    db,
    buildingId ?? HOSPITAL,
    range.from,
    range.to,
    LEADERBOARD_SECTIONS,
  )
  const users = await getUsersByIds(db, leaderboardUserIds(days))
  return leaderboard(days, range, new Map(users.map((u) => [u._id, u.name])))
}
