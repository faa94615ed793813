// Buildings and floors: list, add, rename, retire, re-issue a floor's QR code; the hospital's name.
import { randomBytes } from 'node:crypto'
import type { Routes } from '../runtime'
import { AppError, type ActionContext } from '../runtime'
import { getBuilding, getFloor } from './store/org'
import {
  insertBuilding,
  insertFloors,
  listAllBuildings,
  listAllFloors,
  sceneTaken,
  updateBuilding,
  updateFloor,
} from './store/org-admin'
import { getSettings, saveSettings } from '../runtime/settings-store'
import {
  assertBuilding,
  floorFor,
  requireAdmin,
  requireSafetyOffice,
  type Admin,
  type FloorFull,
} from './scope'

type R = Routes<'org'>

/** A building the admin may manage. */
export async function buildingFor(admin: Admin, ctx: ActionContext, id: string) {
  if (!admin.all) assertBuilding(admin, id)
  const building = await getBuilding(ctx.db, id)
  if (!building) throw new AppError(admin.all ? 'org.not_found' : 'auth.forbidden')
  return building
}

/** A QR scene for a floor: `f=<id>` (with `.v` after a re-issue) or random when that is too long. */
async function freshScene(ctx: ActionContext, floorId: string, version: number): Promise<string> {
  const base = version > 1 ? `f=${floorId}.${version}` : `f=${floorId}`
  if (base.length <= 32 && /^[\x21-\x7e]+$/.test(base) && !(await sceneTaken(ctx.db, base)))
    return base
  return `f=${randomBytes(6).toString('hex')}`
}

function floorView(f: FloorFull) {
  return {
    id: f._id,
    buildingId: f.buildingId,
    name: f.name,
    level: f.level,
    scene: f.scene,
    aliasScenes: f.aliasScenes ?? [],
    codeVersion: f.codeVersion ?? 1,
    active: f.active,
  }
}

async function newFloorId(ctx: ActionContext, buildingId: string, level: number) {
  const base = `${buildingId}${level < 0 ? 'B' : 'F'}${String(Math.abs(level)).padStart(2, '0')}`
  return (await getFloor(ctx.db, base)) ? `${base}-${randomBytes(3).toString('hex')}` : base
}

export const placeRoutes: Pick<
  R,
  | 'admin.scope'
  | 'places.list'
  | 'building.save'
  | 'building.retire'
  | 'floor.save'
  | 'floor.retire'
  | 'floor.reissueCode'
  | 'settings.save'
> = {
  'admin.scope': async (_input, ctx) => {
    const admin = await requireAdmin(ctx)
    return { all: admin.all, buildingIds: admin.buildingIds, name: admin.user.name }
  },
  'places.list': async (_input, ctx) => {
    const admin = await requireAdmin(ctx)
    const [buildings, floors, settings] = await Promise.all([
      listAllBuildings(ctx.db),
      listAllFloors(ctx.db),
      getSettings(ctx.db),
    ])
    return {
      hospitalName: settings.name,
      buildings: buildings
        .filter((b) => admin.all || admin.buildingIds.includes(b._id))
        .map((b) => ({
          id: b._id,
          name: b.name,
          order: b.order,
          active: b.active,
          floors: (floors as FloorFull[]).filter((f) => f.buildingId === b._id).map(floorView),
        })),
    }
  },
  'building.save': async ({ id, name, floors }, ctx) => {
    const admin = id ? await requireAdmin(ctx) : await requireSafetyOffice(ctx)
    if (id) await buildingFor(admin, ctx, id)
    const all = await listAllBuildings(ctx.db)
    const clash = all.find((b) => b.name === name && b._id !== id)
    if (clash)
      throw new AppError('input.invalid', `已有名为「${name}」的楼栋`, {
        issues: [{ path: 'name', message: '与已有楼栋重名' }],
      })
    if (id) {
      await updateBuilding(ctx.db, id, { name })
      return { id }
    }
    let n = all.length + 1
    while (all.some((b) => b._id === `B${String(n).padStart(2, '0')}`)) n++
    const newId = `B${String(n).padStart(2, '0')}`
    await insertBuilding(ctx.db, {
      _id: newId,
      code: newId,
      name,
      order: Math.max(0, ...all.map((b) => b.order)) + 1,
      active: true,
    })
    const docs: FloorFull[] = []
    for (let level = 1; level <= (floors ?? 0); level++) {
      const floorId = `${newId}F${String(level).padStart(2, '0')}`
      docs.push({
        _id: floorId,
        buildingId: newId,
        name: `${level}层`,
        level,
        scene: await freshScene(ctx, floorId, 1),
        active: true,
        codeVersion: 1,
      })
    }
    await insertFloors(ctx.db, docs)
    return { id: newId }
  },
  'building.retire': async ({ id, retired }, ctx) => {
    const admin = await requireSafetyOffice(ctx)
    await buildingFor(admin, ctx, id)
    await updateBuilding(ctx.db, id, { active: !retired })
    return { id, active: !retired }
  },
  'floor.save': async ({ id, buildingId, name, level }, ctx) => {
    const admin = await requireAdmin(ctx)
    await buildingFor(admin, ctx, buildingId)
    const siblings = await listAllFloors(ctx.db, buildingId)
    if (siblings.some((f) => f.name === name && f._id !== id))
      throw new AppError('input.invalid', `这栋楼已有「${name}」`, {
        issues: [{ path: 'name', message: '与同楼栋的楼层重名' }],
      })
    if (id) {
      const floor = await floorFor(admin, ctx, id)
      if (floor.buildingId !== buildingId)
        throw new AppError('input.invalid', '楼层不能移到另一栋楼', {
          issues: [{ path: 'buildingId', message: '与楼层所属楼栋不符' }],
        })
      await updateFloor(ctx.db, id, { name, level })
      return { id, scene: floor.scene }
    }
    const floorId = await newFloorId(ctx, buildingId, level)
    const scene = await freshScene(ctx, floorId, 1)
    await insertFloors(ctx.db, [
      { _id: floorId, buildingId, name, level, scene, active: true, codeVersion: 1 } as FloorFull,
    ])
    return { id: floorId, scene }
  },
  'floor.retire': async ({ id, retired }, ctx) => {
    const admin = await requireAdmin(ctx)
    await floorFor(admin, ctx, id)
    await updateFloor(ctx.db, id, { active: !retired, retiredAt: retired ? ctx.now() : null })
    return { id, active: !retired }
  },
  'floor.reissueCode': async ({ id, keepOld }, ctx) => {
    const admin = await requireAdmin(ctx)
    const floor = await floorFor(admin, ctx, id)
    const version = (floor.codeVersion ?? 1) + 1
    const scene = await freshScene(ctx, floor._id, version)
    const aliasScenes = keepOld ? [...(floor.aliasScenes ?? []), floor.scene] : []
    await updateFloor(ctx.db, id, { scene, aliasScenes, codeVersion: version } as never)
    return { scene, aliasScenes }
  },
  'settings.save': async ({ hospitalName }, ctx) => {
    await requireSafetyOffice(ctx)
    await saveSettings(ctx.db, { _id: 'hospital', name: hospitalName })
    return { hospitalName }
  },
}
