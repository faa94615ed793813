// Buildings, floors, categories and the duty roster: the only code that names these collections.
import type { Database } from '../runtime/context'
import { rowsOf } from './rows'
import type { UserDoc } from './users'

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
  responseMinutes?: { high: number; medium: number; low: number }
  urgent?: boolean
  order: number
  active: boolean
}
export interface DutyDoc {
  _id: string
  userId: string
  duty: string
  floorId?: string
  buildingId?: string
  deputy: boolean
  validFrom: Date
  validTo: Date | null
}

/** One step of a floor's escalation chain: who owns work at a level. */
export interface OwnerStep {
  level: 0 | 1 | 2 | 3
  userId: string
  openid: string
  name: string
  phone: string
  deputy: boolean
  duty: string
}

const LEVEL_OF: Record<string, 0 | 1 | 2 | 3> = {
  floor_captain: 0,
  coordinator: 1,
  building_captain: 2,
  safety_office: 3,
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

/** Orders duties valid at `at` into the escalation chain: level, then primary before deputy. Pure. */
export function resolveOwnerChain(duties: DutyDoc[], users: UserDoc[], at: Date): OwnerStep[] {
  const byId = new Map(users.filter((u) => u.active).map((u) => [u._id, u]))
  return duties
    .filter(
      (d) =>
        d.duty in LEVEL_OF &&
        new Date(d.validFrom) <= at &&
        (!d.validTo || new Date(d.validTo) > at) &&
        byId.has(d.userId),
    )
    .map((d) => {
      const u = byId.get(d.userId)!
      return {
        level: LEVEL_OF[d.duty],
        userId: u._id,
        openid: u.openid,
        name: u.name,
        phone: u.phone ?? '',
        deputy: d.deputy,
        duty: d.duty,
      }
    })
    .sort(
      (a, b) =>
        a.level - b.level ||
        Number(a.deputy) - Number(b.deputy) ||
        a.userId.localeCompare(b.userId),
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
    db.collection('duties').where({ floorId: floor._id, duty: 'floor_captain' }).limit(100).get(),
    db
      .collection('duties')
      .where({ buildingId: floor.buildingId, duty: _.in(['coordinator', 'building_captain']) })
      .limit(100)
      .get(),
    db.collection('duties').where({ duty: 'safety_office' }).limit(100).get(),
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
