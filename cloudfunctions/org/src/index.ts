// The `org` function: the floor behind a QR code, its captains, categories, buildings; and the
// administration of all of it (places, roster, binding). Roster files and posters live in `admin`.
import { AppError, defineFunction, type ActionContext } from '../../_shared/runtime'
import {
  findFloorByScene,
  getBuilding,
  getFloor,
  listBuildings,
  listCategories,
  loadOwnerChain,
  type FloorDoc,
} from '../../_shared/org/store/org'
import { placeRoutes } from '../../_shared/org/places'
import { catalogRoutes } from '../../_shared/org/catalog'
import { dutyRoutes } from '../../_shared/org/duties'
import { bindingRoutes } from '../../_shared/org/binding'

async function header(floor: FloorDoc, ctx: ActionContext, retired: AppError) {
  const [building, chain] = await Promise.all([
    getBuilding(ctx.db, floor.buildingId),
    loadOwnerChain(ctx.db, floor, ctx.now()),
  ])
  // A retired building retires its floors' codes too.
  if (building && building.active === false) throw retired
  return {
    floor: { id: floor._id, name: floor.name, level: floor.level },
    building: { id: floor.buildingId, name: building?.name ?? '' },
    captains: chain
      .filter((s) => s.level === 0)
      .map((s) => ({ name: s.name, phone: s.phone, duty: s.duty, deputy: s.deputy })),
  }
}

export const main = defineFunction('org', {
  floorByScene: async ({ scene }, ctx) => {
    const floor = await findFloorByScene(ctx.db, scene)
    if (!floor) throw new AppError('qr.invalid')
    return header(floor, ctx, new AppError('qr.invalid'))
  },
  floor: async ({ floorId }, ctx) => {
    const floor = await getFloor(ctx.db, floorId)
    if (!floor || !floor.active) throw new AppError('org.not_found')
    return header(floor, ctx, new AppError('org.not_found'))
  },
  categories: async (_input, ctx) =>
    (await listCategories(ctx.db)).map((c) => ({
      id: c._id,
      name: c.name,
      icon: c.icon,
      severity: c.severity,
      slaHours: c.slaHours,
    })),
  buildings: async (_input, ctx) =>
    (await listBuildings(ctx.db)).map((b) => ({
      id: b._id,
      name: b.name,
      floors: b.floors.map((f) => ({ id: f._id, name: f.name, scene: f.scene })),
    })),
  // Administration (admin subpackage): safety office everywhere, a 楼长 in their own building.
  ...placeRoutes,
  ...catalogRoutes,
  ...dutyRoutes,
  ...bindingRoutes,
})
