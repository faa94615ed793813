// Buildings, floors, categories and the duty roster: the only code that names these collections.
import { Role } from '../../../../types/roles'
import type { Database } from '../../runtime/context'
import { rowsOf } from '../../runtime/rows'
import type { UserDoc } from '../../../../types/staff'
import { LEVEL_OF, resolveOwnerChain, type DutyDoc, type OwnerStep } from '../domain/owner-chain'

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
    db.collection('floors').where({ scene, active: true }).limit(1).get(),
    db.collection('floors').where({ aliasScenes: scene, active: true }).limit(1).get(),
  ])
  return rowsOf<FloorDoc>(current)[0] ?? rowsOf<FloorDoc>(kept)[0] ?? null
}

/** A floor by id, or null. */
export async function getFloor(db: Database, floorId: string): Promise<FloorDoc | null> {
  return (
    rowsOf<FloorDoc>(await db.collection('floors').where({ _id: floorId }).limit(1).get())[0] ??
    null
  )
}

/** A building by id, or null. */
export async function getBuilding(db: Database, id: string): Promise<BuildingDoc | null> {
  return (
    rowsOf<BuildingDoc>(await db.collection('buildings').where({ _id: id }).limit(1).get())[0] ??
    null
  )
}

/** Active categories in display order. */
export async function listCategories(db: Database): Promise<CategoryDoc[]> {
  return rowsOf<CategoryDoc>(
    await db
      .collection('categories')
      .where({ active: true })
      .orderBy('order', 'asc')
      .limit(100)
      .get(),
  )
}

/** A category by id, or null. */
export async function getCategory(db: Database, id: string): Promise<CategoryDoc | null> {
  return (
    rowsOf<CategoryDoc>(await db.collection('categories').where({ _id: id }).limit(1).get())[0] ??
    null
  )
}

/** Active buildings with their active floors. */
export async function listBuildings(
  db: Database,
): Promise<Array<BuildingDoc & { floors: FloorDoc[] }>> {
  const buildings = rowsOf<BuildingDoc>(
    await db
      .collection('buildings')
      .where({ active: true })
      .orderBy('order', 'asc')
      .limit(200)
      .get(),
  )
  const floors = rowsOf<FloorDoc>(
    await db.collection('floors').where({ active: true }).limit(1000).get(),
  )
  return buildings.map((b) => ({
    ...b,
    floors: floors.filter((f) => f.buildingId === b._id).sort((x, y) => x.level - y.level),
  }))
}

/** Users by id. */
export async function getUsersByIds(db: Database, ids: string[]): Promise<UserDoc[]> {
  if (ids.length === 0) return []
  return rowsOf<UserDoc>(
    await db
      .collection('users')
      .where({ _id: db.command.in([...new Set(ids)]) })
      .limit(1000)
      .get(),
  )
}

/** The escalation chain of a floor at a moment: 层长 (deputy) → 协管员 → 楼长 → 安全办. */
export async function loadOwnerChain(
  db: Database,
  floor: FloorDoc,
  at: Date,
): Promise<OwnerStep[]> {
  const _ = db.command
  const [onFloor, inBuilding, safety] = await Promise.all([
    db.collection('duties').where({ floorId: floor._id, duty: Role.floorCaptain }).limit(100).get(),
    db
      .collection('duties')
      .where({ buildingId: floor.buildingId, duty: _.in([Role.coordinator, Role.buildingCaptain]) })
      .limit(100)
      .get(),
    db.collection('duties').where({ duty: Role.safetyOffice }).limit(100).get(),
  ])
  const duties = [
    ...rowsOf<DutyDoc>(onFloor),
    ...rowsOf<DutyDoc>(inBuilding),
    ...rowsOf<DutyDoc>(safety),
  ]
  const users = await getUsersByIds(
    db,
    duties.map((d) => d.userId),
  )
  return resolveOwnerChain(duties, users, at)
}

/** A user's duties valid at `at` (any kind), from the roster. */
export async function listDutiesOfUser(db: Database, userId: string, at: Date): Promise<DutyDoc[]> {
  const rows = rowsOf<DutyDoc>(await db.collection('duties').where({ userId }).limit(200).get())
  return rows.filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
}

/** Buildings by id with their active floors in order. */
export async function getBuildingsWithFloors(
  db: Database,
  ids: string[],
): Promise<Array<BuildingDoc & { floors: FloorDoc[] }>> {
  if (ids.length === 0) return []
  const _ = db.command
  const [buildings, floors] = await Promise.all([
    db
      .collection('buildings')
      .where({ _id: _.in(ids) })
      .limit(200)
      .get(),
    Promise.all(
      ids.map((buildingId) =>
        db.collection('floors').where({ buildingId, active: true }).limit(200).get(),
      ),
    ),
  ])
  const byBuilding = floors.flatMap((r) => rowsOf<FloorDoc>(r))
  return rowsOf<BuildingDoc>(buildings)
    .sort((a, b) => a.order - b.order)
    .map((b) => ({
      ...b,
      floors: byBuilding.filter((f) => f.buildingId === b._id).sort((x, y) => x.level - y.level),
    }))
}

/** Floors by id. */
export async function getFloorsByIds(db: Database, ids: string[]): Promise<FloorDoc[]> {
  if (ids.length === 0) return []
  return rowsOf<FloorDoc>(
    await db
      .collection('floors')
      .where({ _id: db.command.in([...new Set(ids)]) })
      .limit(1000)
      .get(),
  )
}

export interface DepartmentDoc {
  _id: string
  name: string
  kind?: string
  active?: boolean
}

/** Departments that receive deferred work, by name. */
export async function listDepartments(db: Database): Promise<DepartmentDoc[]> {
  return rowsOf<DepartmentDoc>(await db.collection('departments').limit(100).get())
    .filter((d) => d.active !== false)
    .sort((a, b) => a.name.localeCompare(b.name, 'zh'))
}

/** A department by id, or null. */
export async function getDepartment(db: Database, id: string): Promise<DepartmentDoc | null> {
  return (
    rowsOf<DepartmentDoc>(
      await db.collection('departments').where({ _id: id }).limit(1).get(),
    )[0] ?? null
  )
}

/** The 楼长 and 协管员 duties of a building valid at `at`. */
export async function buildingDuties(
  db: Database,
  buildingId: string,
  at: Date,
): Promise<DutyDoc[]> {
  return rowsOf<DutyDoc>(
    await db
      .collection('duties')
      .where({ buildingId, duty: db.command.in([Role.coordinator, Role.buildingCaptain]) })
      .limit(100)
      .get(),
  ).filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
}

/** A user's duties valid at `at`. */
export async function dutiesOfUser(db: Database, userId: string, at: Date): Promise<DutyDoc[]> {
  return rowsOf<DutyDoc>(await db.collection('duties').where({ userId }).limit(50).get()).filter(
    (d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at),
  )
}

/** Every user holding a captain's duty now, with their highest duty. */
export async function captainsWithDuties(
  db: Database,
  at: Date,
): Promise<Array<{ user: UserDoc; duty: string }>> {
  const duties = rowsOf<DutyDoc>(
    await db
      .collection('duties')
      .where({ duty: db.command.in(Object.keys(LEVEL_OF)) })
      .limit(1000)
      .get(),
  ).filter((d) => new Date(d.validFrom) <= at && (!d.validTo || new Date(d.validTo) > at))
  const users = await getUsersByIds(
    db,
    duties.map((d) => d.userId),
  )
  return users
    .filter((u) => u.active)
    .map((user) => ({
      user,
      duty: duties
        .filter((d) => d.userId === user._id)
        .sort((a, b) => LEVEL_OF[b.duty] - LEVEL_OF[a.duty])[0].duty,
    }))
}

/** Floors by id, with their building's name (for labelling a few of them). */
export async function getFloorLabels(db: Database, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const floors = rowsOf<FloorDoc>(
    await db
      .collection('floors')
      .where({ _id: db.command.in(ids) })
      .limit(100)
      .get(),
  )
  const buildings = rowsOf<BuildingDoc>(
    await db
      .collection('buildings')
      .where({ _id: db.command.in([...new Set(floors.map((f) => f.buildingId))]) })
      .limit(100)
      .get(),
  )
  const names = new Map(buildings.map((b) => [b._id, b.name]))
  return new Map(floors.map((f) => [f._id, `${names.get(f.buildingId) ?? ''} ${f.name}`.trim()]))
}
