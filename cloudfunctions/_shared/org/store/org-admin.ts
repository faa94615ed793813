// Administration of the organisation: buildings, floors, departments, categories, duties and
// settings, retired ones included. The only code besides org.ts that names these collections.
import { ROSTER_DUTIES } from '../../../../types/roles'
import type { Database } from '../../runtime/context'
import { rowsOf, readAll, readByIds } from '../../runtime/rows'
import type { BuildingDoc, CategoryDoc, DepartmentDoc, DutyDoc, FloorDoc } from './org'
import { BUILDINGS, FLOORS, DUTIES, CATEGORIES, DEPARTMENTS } from './collections'

export { ROSTER_DUTIES }

/** Every document of a collection matching `where`, paged to the end. */
async function all<T extends { _id: string }>(
  db: Database,
  collection: string,
  where: object,
): Promise<T[]> {
  return readAll<T>(db, collection, where)
}

/** Every building, retired ones included, in display order. */
export async function listAllBuildings(db: Database): Promise<BuildingDoc[]> {
  const rows = await all<BuildingDoc>(db, BUILDINGS, {})
  return rows.sort((a, b) => a.order - b.order || a._id.localeCompare(b._id))
}

/** Every floor, retired ones included, ordered by level within each building. */
export async function listAllFloors(db: Database, buildingId?: string): Promise<FloorDoc[]> {
  const rows = await all<FloorDoc>(db, FLOORS, buildingId ? { buildingId } : {})
  return rows.sort((a, b) => a.level - b.level || a._id.localeCompare(b._id))
}

/** Inserts a building. */
export async function insertBuilding(db: Database, doc: BuildingDoc & { code?: string }) {
  await db.collection(BUILDINGS).add({ data: doc })
}

/** Patches a building. */
export async function updateBuilding(db: Database, id: string, patch: Partial<BuildingDoc>) {
  await db.collection(BUILDINGS).doc(id).update({ data: patch })
}

/** Inserts floors. */
export async function insertFloors(db: Database, docs: FloorDoc[]) {
  if (docs.length) await db.collection(FLOORS).add({ data: docs })
}

/** Patches a floor. */
export async function updateFloor(
  db: Database,
  id: string,
  patch: Partial<FloorDoc> & { retiredAt?: Date | null; aliasScenes?: string[] },
) {
  await db.collection(FLOORS).doc(id).update({ data: patch })
}

/** True when some floor already uses this scene, as its code or a kept old one. */
export async function sceneTaken(db: Database, scene: string): Promise<boolean> {
  const [a, b] = await Promise.all([
    db.collection(FLOORS).where({ scene }).limit(1).get(),
    db.collection(FLOORS).where({ aliasScenes: scene }).limit(1).get(),
  ])
  return rowsOf(a).length + rowsOf(b).length > 0
}

/** Every department, retired ones included. */
export async function listAllDepartments(db: Database): Promise<DepartmentDoc[]> {
  return all<DepartmentDoc>(db, DEPARTMENTS, {})
}

/** Inserts or replaces a department. */
export async function saveDepartment(db: Database, doc: DepartmentDoc) {
  const { _id, ...data } = doc
  await db.collection(DEPARTMENTS).doc(_id).set({ data })
}

/** Every category, retired ones included, in display order. */
export async function listAllCategories(db: Database): Promise<CategoryDoc[]> {
  const rows = await all<CategoryDoc>(db, CATEGORIES, {})
  return rows.sort((a, b) => a.order - b.order)
}

/** Inserts or replaces a category. */
export async function saveCategory(db: Database, doc: CategoryDoc) {
  const { _id, ...data } = doc
  await db.collection(CATEGORIES).doc(_id).set({ data })
}

/** Roster duties (楼长, 协管员, 层长) in force at `at`, in every building. */
export async function listOpenRosterDuties(db: Database, at: Date): Promise<DutyDoc[]> {
  const _ = db.command
  const perKind = await Promise.all(
    ROSTER_DUTIES.map((duty) =>
      all<DutyDoc>(db, DUTIES, { duty, validTo: _.or(_.eq(null), _.gt(at)) }),
    ),
  )
  return perKind.flat().filter((d) => new Date(d.validFrom) <= at)
}

/** Every duty (history included) of a building and its floors. */
export async function listDutiesOfBuilding(
  db: Database,
  buildingId: string,
  floorIds: string[],
): Promise<DutyDoc[]> {
  const [building, ...floors] = await Promise.all([
    all<DutyDoc>(db, DUTIES, { buildingId }),
    ...floorIds.map((floorId) => all<DutyDoc>(db, DUTIES, { floorId })),
  ])
  const seen = new Set<string>()
  return [...building, ...floors.flat()].filter((d) => !seen.has(d._id) && seen.add(d._id))
}

/** Duties held by a user (history included). */
export async function listDutiesOfUser(db: Database, userId: string): Promise<DutyDoc[]> {
  return all<DutyDoc>(db, DUTIES, { userId })
}

/** A duty by id, or null. */
export async function getDuty(db: Database, id: string): Promise<DutyDoc | null> {
  return rowsOf<DutyDoc>(await db.collection(DUTIES).where({ _id: id }).limit(1).get())[0] ?? null
}

/** Duties by id. */
export async function getDutiesByIds(db: Database, ids: string[]): Promise<DutyDoc[]> {
  return readByIds<DutyDoc>(db, DUTIES, ids)
}

/** Starts duties. */
export async function insertDuties(db: Database, docs: DutyDoc[]) {
  for (let i = 0; i < docs.length; i += 100)
    await db.collection(DUTIES).add({ data: docs.slice(i, i + 100) })
}

/** Ends a duty at `at` unless it has already ended; true when this call ended it. */
export async function endDuty(db: Database, id: string, at: Date): Promise<boolean> {
  const res = (await db
    .collection(DUTIES)
    .where({ _id: id, validTo: db.command.or(db.command.eq(null), db.command.gt(at)) })
    .update({ data: { validTo: at } })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) > 0
}

/** Changes a duty's validity dates. */
export async function updateDutyDates(
  db: Database,
  id: string,
  patch: { validFrom?: Date; validTo?: Date | null },
) {
  await db.collection(DUTIES).doc(id).update({ data: patch })
}
