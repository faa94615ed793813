// Floor posters as one PDF: a floor, a building or the whole hospital, one A4 page per floor, with
// the captains in force and the floor's mini-program code (wxacode.getUnlimited with its scene).
import { Role } from '../../../types/roles'
import { randomBytes } from 'node:crypto'
import { join } from 'node:path'
import { AppError, type Routes } from '../runtime'
import { getSettings } from '../runtime/settings-store'
import { loadRosterState } from './roster-state'
import { renderPosters, type PosterPage, type PosterPerson } from './poster'
import type { CurrentAssignment } from './domain/roster'
import { listAllFloors } from './store/org-admin'
import { assertBuilding, floorFor, requireAdmin, requireSafetyOffice } from './scope'
import { miniProgramCode } from './wxacode'
import { storeForDownload } from '../media/files'

type R = Routes<'admin'>

export const REPORT_PAGE = 'pages/report/index'
const MAX_PAGES = 400
const PARALLEL_CODES = 4

/** The fonts shipped in the function folder (copied there by scripts/build-functions.ts). */
export function posterFonts(dir = join(__dirname, 'fonts')) {
  return {
    regular: join(dir, 'NotoSansSC-Regular.ttf'),
    bold: join(dir, 'NotoSansSC-Bold.ttf'),
  }
}

const person = (a: CurrentAssignment): PosterPerson => ({ name: a.name, phone: a.phone })

export const posterRoutes: Pick<R, 'posters'> = {
  posters: async ({ buildingId, floorId }, ctx) => {
    const admin = buildingId || floorId ? await requireAdmin(ctx) : await requireSafetyOffice(ctx)
    if (floorId) {
      const floor = await floorFor(admin, ctx, floorId)
      if (buildingId && floor.buildingId !== buildingId)
        throw new AppError('input.invalid', '楼层不属于这栋楼', {
          issues: [{ path: 'floorId', message: '楼层不属于这栋楼' }],
        })
    }
    if (buildingId) assertBuilding(admin, buildingId)
    const now = ctx.now()
    const [state, settings, allFloors] = await Promise.all([
      loadRosterState(ctx.db, now),
      getSettings(ctx.db),
      listAllFloors(ctx.db),
    ])
    const floors = state.places.floors.filter(
      (f) => (!floorId || f.id === floorId) && (!buildingId || f.buildingId === buildingId),
    )
    if (floors.length === 0)
      throw new AppError('org.not_found', '没有可以打印的楼层（楼层或楼栋可能已停用）')
    if (floors.length > MAX_PAGES) throw new AppError('input.invalid', `一次最多 ${MAX_PAGES} 页`)
    const docs = new Map(allFloors.map((f) => [f._id, f]))
    const date = new Date(now.getTime() + 8 * 3600_000).toISOString().slice(0, 10)
    const pages: PosterPage[] = new Array(floors.length)
    for (let i = 0; i < floors.length; i += PARALLEL_CODES) {
      await Promise.all(
        floors.slice(i, i + PARALLEL_CODES).map(async (f, j) => {
          const doc = docs.get(f.id) as { scene: string; codeVersion?: number } | undefined
          const scene = doc?.scene ?? `f=${f.id}`
          const here = state.current.filter(
            (a) =>
              (a.kind === Role.floorCaptain && a.floorId === f.id) ||
              (a.kind !== Role.floorCaptain && a.buildingId === f.buildingId),
          )
          const captain = here.find((a) => a.kind === Role.floorCaptain && !a.deputy)
          const bc = here.find((a) => a.kind === Role.buildingCaptain)
          pages[i + j] = {
            hospital: settings.name,
            building: state.places.buildings.find((b) => b.id === f.buildingId)?.name ?? '',
            floor: f.name,
            captain: captain ? person(captain) : null,
            deputies: here.filter((a) => a.kind === Role.floorCaptain && a.deputy).map(person),
            coordinators: here
              .filter((a) => a.kind === Role.coordinator)
              .sort((a, b) => Number(a.deputy) - Number(b.deputy))
              .map(person),
            buildingCaptain: bc ? person(bc) : null,
            code: (await miniProgramCode(ctx, REPORT_PAGE, scene)).buffer,
            scene,
            date,
            version: `V${doc?.codeVersion ?? 1}`,
          }
        }),
      )
    }
    const pdf = await renderPosters(pages, posterFonts())
    const scope = floorId ?? buildingId ?? 'all'
    const file = await storeForDownload(
      ctx,
      `posters/${scope}-${date}-${randomBytes(4).toString('hex')}.pdf`,
      pdf,
    )
    return { ...file, pages: pages.length }
  },
}
