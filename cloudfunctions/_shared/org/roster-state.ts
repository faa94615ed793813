// Loads the roster in force and applies an import plan. Writes are idempotent: a retried or
// interrupted import re-plans against what is stored and finishes the rest, never duplicating.
import { Role } from '../../../types/roles'
import type { Database } from '../runtime/context'
import type { DutyDoc } from './store/org'
import {
  insertDuties,
  endDuty,
  getDutiesByIds,
  listAllBuildings,
  listAllFloors,
  listOpenRosterDuties,
} from './store/org-admin'
import {
  findUsersByPhones,
  getUsersByIds,
  insertUsers,
  updateUser,
  type UserDoc,
} from '../runtime/users'
import type {
  CurrentAssignment,
  DutyKind,
  KnownUser,
  PlaceSnapshot,
  RosterPlan,
} from './domain/roster'
import { newPerson, syncRoles } from './people'

export interface RosterState {
  places: PlaceSnapshot
  current: CurrentAssignment[]
  users: UserDoc[]
}

/** Active buildings and floors, and the roster duties in force at `at` with their holders. */
export async function loadRosterState(db: Database, at: Date): Promise<RosterState> {
  const [buildings, floors, duties] = await Promise.all([
    listAllBuildings(db),
    listAllFloors(db),
    listOpenRosterDuties(db, at),
  ])
  const activeB = buildings.filter((b) => b.active)
  const bIds = new Set(activeB.map((b) => b._id))
  const activeF = floors.filter((f) => f.active && bIds.has(f.buildingId))
  const floorById = new Map(activeF.map((f) => [f._id, f]))
  const places: PlaceSnapshot = {
    buildings: activeB.map((b) => ({
      id: b._id,
      name: b.name,
      code: (b as { code?: string }).code,
    })),
    floors: activeF.map((f) => ({ id: f._id, buildingId: f.buildingId, name: f.name })),
  }
  const users = await getUsersByIds(
    db,
    duties.map((d) => d.userId),
  )
  const userById = new Map(users.map((u) => [u._id, u]))
  const current: CurrentAssignment[] = []
  for (const d of duties) {
    const u = userById.get(d.userId)
    const buildingId = d.floorId ? floorById.get(d.floorId)?.buildingId : d.buildingId
    if (!u || !u.active || !buildingId || !bIds.has(buildingId)) continue
    if (d.duty === Role.floorCaptain && !d.floorId) continue
    current.push({
      dutyId: d._id,
      kind: d.duty as DutyKind,
      buildingId,
      floorId: d.duty === Role.floorCaptain ? (d.floorId ?? null) : null,
      deputy: d.deputy,
      userId: u._id,
      name: u.name,
      phone: u.phone ?? '',
      departmentName: u.departmentName ?? '',
    })
  }
  return { places, current, users }
}

/** The users the plan needs to know: holders of current duties and everyone with a phone in the file. */
export async function knownUsers(
  db: Database,
  state: RosterState,
  phones: string[],
): Promise<KnownUser[]> {
  const byPhone = await findUsersByPhones(db, phones)
  const all = new Map<string, UserDoc>()
  for (const u of [...state.users, ...byPhone]) all.set(u._id, u)
  return [...all.values()]
    .filter((u) => u.phone)
    .map((u) => ({
      id: u._id,
      name: u.name,
      phone: u.phone ?? '',
      departmentName: u.departmentName ?? '',
    }))
}

/** Writes a plan: people, phone changes, ended and started duties, then everyone's roles. */
export async function applyRosterPlan(db: Database, plan: RosterPlan, at: Date): Promise<void> {
  const fresh = plan.people.filter((p) => !p.id).map(newPerson)
  try {
    await insertUsers(db, fresh)
  } catch {
    // Some already exist (an interrupted earlier run): add the rest one by one.
    for (const doc of fresh) await insertUsers(db, [doc]).catch(() => undefined)
  }
  for (const p of plan.people.filter((x) => x.id))
    await updateUser(db, p.id!, { name: p.name, departmentName: p.departmentName })
  for (const c of plan.phoneChanges) await updateUser(db, c.id, { phone: c.phone })
  const idOfPhone = new Map(plan.people.map((p) => [p.phone, p.id ?? newPerson(p)._id]))
  const ended = new Set(plan.end)
  await Promise.all(plan.end.map((id) => endDuty(db, id, at)))
  const stamp = at.getTime().toString(36)
  const docs: DutyDoc[] = plan.start.map((a) => {
    const userId = idOfPhone.get(a.phone)!
    return {
      _id: `d-${a.kind}-${a.floorId ?? a.buildingId}-${userId}-${stamp}`,
      userId,
      duty: a.kind,
      buildingId: a.buildingId,
      ...(a.floorId ? { floorId: a.floorId } : {}),
      deputy: a.deputy,
      validFrom: at,
      validTo: null,
    }
  })
  await insertDuties(db, docs)
  const touched = new Set<string>([...docs.map((d) => d.userId)])
  if (ended.size) {
    const endedDuties = (await getDutiesByIds(db, [...ended])).map((d) => d.userId)
    endedDuties.forEach((id) => touched.add(id))
  }
  const users = await getUsersByIds(db, [...touched])
  await syncRoles(db, users, at)
}
