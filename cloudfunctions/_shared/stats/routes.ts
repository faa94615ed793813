// The stats routes: the cockpit's figures from counters, and the frozen bulletins.
import { AppError, type Routes } from '../runtime'
import { getBulletin, listBulletins, setBulletinFile } from './store/bulletins'
import { bulletinOf, headOf } from './bulletins'
import { accessOf, gridOf, leaderboardOf, scopeOf, summaryOf } from './service'
import { bulletinWorkbook } from './xlsx'
import { storedUrls, upload } from '../media/files'
import { Role, requireRole } from '../runtime/auth'
import { getSettings } from '../runtime/settings-store'
import { listMajor } from '../ticket/store/tickets'
import { majorWorkbook } from './major-xlsx'

/** The cockpit's figures and the frozen bulletins, for leadership and the captains in scope. */
export const statsRoutes: Routes<'stats'> = {
  summary: async ({ from, to, buildingId }, ctx) =>
    summaryOf(ctx.db, { from, to }, scopeOf(await accessOf(ctx), buildingId)),
  grid: async ({ buildingId }, ctx) =>
    gridOf(ctx.db, ctx.now(), scopeOf(await accessOf(ctx), buildingId)),
  leaderboard: async ({ from, to }, ctx) =>
    leaderboardOf(ctx.db, { from, to }, scopeOf(await accessOf(ctx), undefined)),
  'bulletins.list': async ({ kind, limit }, ctx) => {
    await accessOf(ctx)
    return { items: (await listBulletins(ctx.db, kind, limit)).map(headOf) }
  },
  'bulletins.get': async ({ id }, ctx) => {
    await accessOf(ctx)
    const doc = await getBulletin(ctx.db, id)
    if (!doc) throw new AppError('stats.not_found')
    return bulletinOf(doc)
  },
  'bulletins.export': async ({ id }, ctx) => {
    await accessOf(ctx)
    const doc = await getBulletin(ctx.db, id)
    if (!doc) throw new AppError('stats.not_found')
    let fileID = doc.fileID
    if (!fileID) {
      fileID = await upload(
        ctx,
        `bulletins/${doc._id}.xlsx`,
        await bulletinWorkbook(bulletinOf(doc)),
      )
      await setBulletinFile(ctx.db, doc._id, fileID)
    }
    return { fileID, url: (await storedUrls(ctx, [fileID]))[fileID] ?? '' }
  },
  'majors.export': async (_input, ctx) => {
    await requireRole(ctx, Role.safetyOffice)
    const now = ctx.now()
    const [tickets, settings] = await Promise.all([listMajor(ctx.db), getSettings(ctx.db)])
    const stamp = now.toISOString().replace(/\D/g, '').slice(0, 14)
    const fileID = await upload(
      ctx,
      `exports/major-hazards-${stamp}.xlsx`,
      await majorWorkbook(settings.name, tickets, now),
    )
    return { fileID, url: (await storedUrls(ctx, [fileID]))[fileID] ?? '', count: tickets.length }
  },
}
