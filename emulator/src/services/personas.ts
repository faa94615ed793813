// Dev personas for the H5 app: who a browser may act as. Exists only in the emulator.
import type { EmulatorService } from '../core'
import { readBody, sendJson } from '../http-util'

const COLLECTION = '_emu_personas'

/** GET/PUT /_emulator/personas. */
export const personasService: EmulatorService = (core) => {
  core.registerRoute('GET', '/_emulator/personas', async (_req, res) => {
    const rows = await core.store.find(COLLECTION, {}, { sort: { order: 1 } })
    sendJson(
      res,
      200,
      rows.map(({ _id, order: _o, ...p }) => ({ ...p, openid: p.openid ?? _id })),
    )
  })
  core.registerRoute('PUT', '/_emulator/personas', async (req, res) => {
    let list: unknown
    try {
      list = JSON.parse((await readBody(req)).toString('utf8'))
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be a JSON array' })
      return
    }
    const valid =
      Array.isArray(list) &&
      list.every(
        (p) => p && typeof p === 'object' && typeof (p as { openid?: unknown }).openid === 'string',
      )
    if (!valid) {
      sendJson(res, 400, {
        code: 'INVALID_PARAM',
        message: 'body must be an array of {openid, name, ...}',
      })
      return
    }
    await core.store.remove(COLLECTION, {})
    let order = 0
    for (const p of list as Array<Record<string, unknown>>)
      await core.store.insert(COLLECTION, { ...p, _id: String(p.openid), order: order++ })
    sendJson(res, 200, { count: order })
  })
}
