// The org routes: the floor behind a QR code with its captains, the categories and the buildings
// (what the report page reads first), and the administration of all of it.
import { type ActionContext, AppError, type Routes } from '../runtime'
import {
  findFloorByScene,
  getBuilding,
  getFloor,
  listBuildings,
  listCategories,
  loadOwnerChain,
  type FloorDoc,
} from './store/org'
import { placeRoutes } from './places'
import { catalogRoutes } from './catalog'
import { dutyRoutes } from './duties'
import { bindingRoutes } from './binding'

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

/** What the report page reads first (a floor by its code, its captains, categories, buildings), then the administration. */
export const orgRoutes: Routes<'org'> = {
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
}
