// security.mediaCheckAsync stand-in: answers a trace id at once and delivers the verdict later as a
// `wxa_media_check` message push, like WeChat. Verdicts pass unless a test says otherwise:
// PUT /_emulator/media-check {rules: [{match, suggest}], default, delayMs} flags photos whose URL
// (which contains the file's path) contains `match`.
import { randomBytes } from 'node:crypto'
import type { EmulatorCore } from '../core'
import { readBody, sendJson } from '../http-util'

type Suggest = 'pass' | 'risky' | 'review'
interface Config {
  rules: Array<{ match: string; suggest: Suggest; label?: number }>
  default: Suggest
  delayMs: number
}
const SUGGESTS = new Set(['pass', 'risky', 'review'])

/** Installs the stand-in; returns the open-API handler for security.mediaCheckAsync. */
export function installMediaCheck(
  core: EmulatorCore,
): (
  p: Record<string, unknown>,
  caller: { openid: string },
) => Promise<{ errcode: number; errmsg: string; trace_id?: string }> {
  let config: Config = { rules: [], default: 'pass', delayMs: 300 }
  const log: Array<Record<string, unknown>> = []
  core.keepState('media-check', {
    capture: () => ({ config, log: [...log] }),
    restore: (state) => {
      const s = state as { config: Config; log: Array<Record<string, unknown>> }
      config = s.config
      log.splice(0, log.length, ...s.log)
    },
  })

  core.registerRoute('PUT', '/_emulator/media-check', async (req, res) => {
    try {
      const body = JSON.parse((await readBody(req)).toString('utf8')) as Partial<Config>
      const rules = Array.isArray(body.rules) ? body.rules : []
      if (
        rules.some((r) => typeof r?.match !== 'string' || !SUGGESTS.has(r.suggest)) ||
        (body.default !== undefined && !SUGGESTS.has(body.default))
      )
        throw new Error('bad rules')
      config = {
        rules,
        default: body.default ?? 'pass',
        delayMs: typeof body.delayMs === 'number' && body.delayMs >= 0 ? body.delayMs : 300,
      }
      sendJson(res, 200, config)
    } catch {
      sendJson(res, 400, {
        code: 'INVALID_PARAM',
        message: 'need {rules?: [{match, suggest: pass|risky|review}], default?, delayMs?}',
      })
    }
  })
  core.registerRoute('GET', '/_emulator/media-check', async (_req, res) => {
    sendJson(res, 200, { config, checks: log.slice(-200) })
  })

  return async (p, caller) => {
    const url = typeof p.media_url === 'string' ? p.media_url : ''
    if (!/^https?:\/\//.test(url))
      return { errcode: 40001, errmsg: 'media_url must be a public http(s) URL, not a cloud:// id' }
    if (p.media_type !== 1 && p.media_type !== 2)
      return { errcode: 40003, errmsg: 'media_type must be 1 (audio) or 2 (image)' }
    if (p.version !== 2) return { errcode: 40003, errmsg: 'version must be 2' }
    const openid = typeof p.openid === 'string' && p.openid ? p.openid : caller.openid
    if (!openid) return { errcode: 40003, errmsg: 'openid is required for version 2' }
    const traceId = `emu-${randomBytes(8).toString('hex')}`
    const rule = config.rules.find((r) => url.includes(r.match))
    const suggest = rule?.suggest ?? config.default
    const label = rule?.label ?? (suggest === 'pass' ? 100 : 20002)
    const event = {
      ToUserName: 'gh_woodpecker_local',
      FromUserName: openid,
      CreateTime: Math.floor(core.clock.now() / 1000),
      MsgType: 'event',
      Event: 'wxa_media_check',
      appid: 'wx-woodpecker-local',
      trace_id: traceId,
      version: 2,
      result: { suggest, label },
      detail: [{ strategy: 'content_model', errcode: 0, suggest, label, prob: 90 }],
    }
    log.push({ traceId, url, suggest, at: new Date(core.clock.now()).toISOString() })
    // Returned, so moving a manual clock past the verdict waits until it has been delivered.
    core.clock.schedule(core.clock.now() + config.delayMs, () => core.pushMessage(event))
    return { errcode: 0, errmsg: 'ok', trace_id: traceId }
  }
}
