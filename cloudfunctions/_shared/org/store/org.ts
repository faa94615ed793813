// Buildings, floors, categories and the duty roster: the only code that names these collections.
import { Role } from '../../../../types/roles'
import type { Grade } from '../../../../types/grade'
import type { Database } from '../../runtime/context'
import { rowsOf, readAll, readByIds } from '../../runtime/rows'
import { getUsersByIds } from '../../runtime/users'
import type { UserDoc } from '../../../../types/staff'
import { LEVEL_OF, resolveOwnerChain, type DutyDoc, type OwnerStep } from '../domain/owner-chain'
import { BUILDINGS, FLOORS, DUTIES, CATEGORIES, DEPARTMENTS } from './collections'

export type { DutyDoc, OwnerStep }

export interface FloorDoc {
  _id: string
  buildingId: string
  name: string
  level: number
  scene: string
  active: boolean
}
export interface BuildingDoc {
  _id: string
  name: string
  order: number
  active: boolean
}
export interface CategoryDoc {
  _id: string
  name: string
  icon: string
  severity: string
  /** The grade its hazards are reported with (absent: general). */
  grade?: Grade
  /** Kept readable until every category carries responseMinutes. */
  slaHours: number
  /** Urgent categories never wait for quiet hours and fall back to SMS. */
  urgent?: boolean
  /** Minutes to accept, per severity. */
  responseMinutes?: Partial<Record<string, number>>
  order: number
  active: boolean
}
/** The active floor a QR scene names (its current code, or an old one kept working), or null. */
export async function findFloorByScene(db: Database, scene: string): Promise<FloorDoc | null> {
  const [current, kept] = await Promise.all([
    db.collection(FLOORS).where({ scene, active: true }).limit(1).get(),
    db.collection(FLOORS).where({ aliasScenes: scene, active: true }).limit(1).get(),
  ])
  return rowsOf<FloorDoc>(current)[0] ?? rowsOf<FloorDoc>(kept)[0] ?? null
}

/** A floor by id, or null. */
export async function getFloor(db: Database, floorId: string): Promise<FloorDoc | null> {
  return (
    rowsOf<FloorDoc>(await db.collection(FLOORS).where({ _id: floorId }).limit(1).get())[0] ?? null
  )
}

/** A building by id, or null. */
export async function getBuilding(db: Database, id: string): Promise<BuildingDoc | null> {
  return (
    rowsOf<BuildingDoc>(await db.collection(BUILDINGS).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/** Active categories in display order. */
export async function listCategories(db: Database): Promise<CategoryDoc[]> {
  const rows = await readAll<CategoryDoc>(db, CATEGORIES, { active: true })
  return rows.sort((a, b) => a.order - b.order || a._id.localeCompare(b._id))
}

/** A category by id, or null. */
export async function getCategory(db: Database, id: string): Promise<CategoryDoc | null> {
  return (
    rowsOf<CategoryDoc>(await db.collection(CATEGORIES).where({ _id: id }).limit(1).get())[0] ??
    null
  )
}

/** Active buildings with their active floors. */
export async function listBuildings(
  db: Database,
): Promise<Array<BuildingDoc & { floors: FloorDoc[] }>> {
  const [buildings, floors] = await Promise.all([
    readAll<BuildingDoc>(db, BUILDINGS, { active: true }),
    readAll<FloorDoc>(db, FLOORS, { active: true }),
  ])
  return buildings
    .sort((a, b) => a.order - b.order || a._id.localeCompare(b._id))
    .map((b) => ({
      ...b,
      floors: floors.filter((f) => f.buildingId === b._id).sort((x, y) => x.level - y.level),
    }))
}

/**
 * The escalation chain of a floor at a moment: 层长 (deputy) → 协管员 → 楼长 → 安全办. Two round
 * trips: the floor's, its building's and the hospital's duties in one read, then their holders.
 */
export async function loadOwnerChain(
  db: Database,
  floor: Pick<FloorDoc, '_id' | 'buildingId'>,
  at: Date,
): Promise<OwnerStep[]> {
  return (await loadOwnerChainWith(db, floor, at, [])).chain
}

/** A floor's chain (as `loadOwnerChain`), with `alsoUserIds`' records read in the same round trip. */
export async function loadOwnerChainWith(
  db: Database,
  floor: Pick<FloorDoc, '_id' | 'buildingId'>,
  at: Date,
  alsoUserIds: readonly string[],
): Promise<{ chain: OwnerStep[]; also: UserDoc[] }> {
  const _ = db.command
  const duties = await readAll<DutyDoc>(
    db,
    DUTIES,
    _.or([
      { floorId: floor._id, duty: Role.floorCaptain },
      { buildingId: floor.buildingId, duty: _.in([Role.coordinator, Role.buildingCaptain]) },
      { duty: Role.safetyOffice },
    ]),
  )
  const users = await getUsersByIds(db, [
    ...new Set([...duties.map((d) => d.userId), ...alsoUserIds]),
  ])
  return {
    chain: resolveOwnerChain(duties, users, at),
    also: users.filter((u) => alsoUserIds.includes(u._id)),
  }
}

/** A user's duties valid at `at` (any kind), from the roster. */
export async function listDutiesOfUser(db: Database, userId: string, at: Date): Promise<DutyDoc[]> {
  const rows = await readAll<DutyDoc>(db, DUTIES, { userId })
  return rows.filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
}

/** Buildings by id with their active floors in order. */
export async function getBuildingsWithFloors(
  db: Database,
  ids: string[],
): Promise<Array<BuildingDoc & { floors: FloorDoc[] }>> {
  if (ids.length === 0) return []
  const [buildings, floors] = await Promise.all([
    readByIds<BuildingDoc>(db, BUILDINGS, ids),
    Promise.all(
      ids.map((buildingId) => readAll<FloorDoc>(db, FLOORS, { buildingId, active: true })),
    ),
  ])
  const byBuilding = floors.flat()
  return buildings
    .sort((a, b) => a.order - b.order)
    .map((b) => ({
      ...b,
      floors: byBuilding.filter((f) => f.buildingId === b._id).sort((x, y) => x.level - y.level),
    }))
}

/** Floors by id. */
export async function getFloorsByIds(db: Database, ids: string[]): Promise<FloorDoc[]> {
  return readByIds<FloorDoc>(db, FLOORS, ids)
}

export interface DepartmentDoc {
  _id: string
  name: string
  kind?: string
  active?: boolean
}

/** Departments that receive deferred work, by name. */
export async function listDepartments(db: Database): Promise<DepartmentDoc[]> {
  return (await readAll<DepartmentDoc>(db, DEPARTMENTS))
    .filter((d) => d.active !== false)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

/** A department by id, or null. */
export async function getDepartment(db: Database, id: string): Promise<DepartmentDoc | null> {
  return (
    rowsOf<DepartmentDoc>(await db.collection(DEPARTMENTS).where({ _id: id }).limit(1).get())[0] ??
    null
  )
}

/** The 楼长 and 协管员 duties of a building valid at `at`. */
export async function buildingDuties(
  db: Database,
  buildingId: string,
  at: Date,
): Promise<DutyDoc[]> {
  return (
    await readAll<DutyDoc>(db, DUTIES, {
      buildingId,
      duty: db.command.in([Role.coordinator, Role.buildingCaptain]),
    })
  ).filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
}

/** A user's duties valid at `at`. */
export async function dutiesOfUser(db: Database, userId: string, at: Date): Promise<DutyDoc[]> {
  return (await readAll<DutyDoc>(db, DUTIES, { userId })).filter(
    (d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at),
  )
}

/** Every user holding a captain's duty now, with their highest duty. */
export async function captainsWithDuties(
  db: Database,
  at: Date,
): Promise<
  Array<{ user: UserDoc; duty: string; places: Array<{ floorId?: string; buildingId?: string }> }>
> {
  const duties = (
    await readAll<DutyDoc>(db, DUTIES, { duty: db.command.in(Object.keys(LEVEL_OF)) })
  ).filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
  const users = await getUsersByIds(
    db,
    duties.map((d) => d.userId),
  )
  return users
    .filter((u) => u.active)
    .map((user) => {
      const mine = duties.filter((d) => d.userId === user._id)
      return {
        user,
        duty: [...mine].sort((a, b) => LEVEL_OF[b.duty] - LEVEL_OF[a.duty])[0].duty,
        places: mine.map((d) => ({ floorId: d.floorId, buildingId: d.buildingId })),
      }
    })
}

/** Floors by id, with their building's name (for labelling a few of them). */
export async function getFloorLabels(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const floors = await readByIds<FloorDoc>(db, FLOORS, ids)
  const buildings = await readByIds<BuildingDoc>(
    db,
    BUILDINGS,
    floors.map((f) => f.buildingId),
  )
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  return new Map(floors.map((f) => [f._id, `${names.get(f.buildingId) ?? ''} ${f.name}`.trim()]))
}
