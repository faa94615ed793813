// The `stats` function: the cockpit's figures from counters, and frozen bulletins. A daily 08:00
// timer (UTC+8) freezes what is due: Monday the last week, the 1st the last month.
import { AppError, createContext, defineFunction } from '../../_shared/runtime'
import { getBulletin, listBulletins, setBulletinFile } from '../../_shared/stats/store/bulletins'
import { bulletinOf, freezeDue, headOf } from '../../_shared/stats/bulletins'
import { accessOf, gridOf, leaderboardOf, scopeOf, summaryOf } from '../../_shared/stats/service'
import { bulletinWorkbook } from '../../_shared/stats/xlsx'

const routes = defineFunction('stats', {
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
      const res = (await ctx.cloud.uploadFile({
        cloudPath: `bulletins/${doc._id}.xlsx`,
        fileContent: await bulletinWorkbook(bulletinOf(doc)),
      })) as { fileID: string }
      fileID = res.fileID
      await setBulletinFile(ctx.db, doc._id, fileID)
    }
    const urls = (await ctx.cloud.getTempFileURL({
      fileList: [{ fileID, maxAge: 3600 }],
    })) as unknown as { fileList: Array<{ tempFileURL: string }> }
    return { fileID, url: urls.fileList[0]?.tempFileURL ?? '' }
  },
})

/** Timer firings carry no action: they freeze the bulletins that are due. */
export const main: typeof routes = async (event, context) => {
  if (event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer') {
    try {
      const frozen = await freezeDue(createContext(undefined))
      return { ok: true, data: { frozen } }
    } catch (error) {
      console.error('[stats] freezing bulletins failed', error)
      return { ok: false, code: 'internal', message: '生成简报失败' }
    }
  }
  return routes(event, context)
}
