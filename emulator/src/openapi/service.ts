// wx.openApi: subscription messages into an outbox that enforces WeChat's rules (consent of both
// kinds, field lengths), wxacode.getUnlimited as a real PNG QR code, and the content-security
// checks; GET /_emulator/outbox serves the feed (with SMS texts) behind the outbox page.
import QRCode from 'qrcode'
import type { EmulatorCore, EmulatorService } from '../core'
import { CloudError } from '../ejson'
import { sendJson } from '../http-util'
import { nextSeq } from '../seq'
import { normalizePhone, SMS } from '../sms/service'
import { consumeConsent, installConsent } from './consent'
import { directory, smsEntry, wechatEntry } from './feed'
import { decodeOpenApiRequest, encodeOpenApiResponse } from './protobuf'
import { fieldViolation, loadTemplates, type Template } from './templates'
import { OUTBOX_HTML } from './outbox-page'
import { installMediaCheck } from './media-check'

export const OUTBOX = '_emu_outbox'
export { CONSENTS } from './consent'
/** Text containing one of these is judged risky by msgSecCheck (documented in emulator/README.md). */
export const RISKY_WORDS = ['违禁词', '赌博', '色情', '诈骗']

type ApiResult = { json: Record<string, unknown> } | { png: Buffer }
type Api = (
  params: Record<string, unknown>,
  caller: { openid: string; functionName: string },
) => Promise<ApiResult>

const ok = (extra: Record<string, unknown> = {}): ApiResult => ({
  json: { errcode: 0, errmsg: 'ok', ...extra },
})
const fail = (errcode: number, errmsg: string): ApiResult => ({ json: { errcode, errmsg } })

/** Installs wx.openApi and the outbox/consent endpoints. */
export const openApiService: EmulatorService = (core) => {
  const mediaCheck = installMediaCheck(core)
  const templates = new Map<string, Template>(loadTemplates(core.databaseDir).map((t) => [t.id, t]))
  const apis: Record<string, Api> = {
    'subscribeMessage.send': (p) => sendSubscribe(core, templates, p),
    'wxacode.getUnlimited': (p) => qrCode(p),
    'security.msgSecCheck': async (p) => {
      const content = typeof p.content === 'string' ? p.content : ''
      if (!content) return fail(40001, 'invalid content')
      if ([...content].length > 2500) return fail(40002, 'content is longer than 2500 characters')
      const hit = RISKY_WORDS.find((w) => content.includes(w))
      return ok({
        result: { suggest: hit ? 'risky' : 'pass', label: hit ? 20001 : 100 },
        detail: [
          {
            strategy: 'content_model',
            errcode: 0,
            suggest: hit ? 'risky' : 'pass',
            label: hit ? 20001 : 100,
            keyword: hit ?? '',
          },
        ],
        trace_id: `emu-${Date.now()}`,
      })
    },
    'security.imgSecCheck': async () => ok(),
    'security.mediaCheckAsync': async (p, caller) => ({ json: await mediaCheck(p, caller) }),
  }

  core.registerAction('wx.openApi', async ({ body, parts, caller }) => {
    const apiName = String(body.apiName ?? '')
    const api = apis[apiName]
    if (!api) throw new CloudError('INVALID_ACTION', `open API ${apiName} is not emulated`)
    const data = parts?.requestData?.data
    if (!data) throw new CloudError('INVALID_PARAM', 'wx.openApi needs a requestData part')
    let params: Record<string, unknown>
    try {
      params = decodeOpenApiRequest(data).params
    } catch (error) {
      throw new CloudError(
        'INVALID_PARAM',
        `requestData is not a valid protobuf: ${(error as Error).message}`,
      )
    }
    let result: ApiResult
    if (!caller) {
      result = fail(-604100, 'open API calls must come from a cloud function invocation')
    } else if (!core.functionPermissions(caller.functionName).includes(apiName)) {
      result = fail(
        -604101,
        `function ${caller.functionName} has no permission to call ${apiName}: add it to config.json permissions.openapi`,
      )
    } else {
      result = await api(params, caller)
    }
    if ('png' in result)
      return {
        raw: encodeOpenApiResponse(result.png, 'image/png'),
        contentType: 'application/octet-stream',
      }
    return {
      raw: encodeOpenApiResponse(
        Buffer.from(JSON.stringify(result.json)),
        'application/json; charset=utf-8',
      ),
      contentType: 'application/octet-stream',
    }
  })

  installConsent(core, templates)

  core.registerRoute('GET', '/_emulator/outbox', async (_req, res, url) => {
    if (url.pathname === '/_emulator/outbox.html') {
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' })
      res.end(OUTBOX_HTML)
      return
    }
    sendJson(res, 200, await outboxFeed(core, templates, url.searchParams))
  })
}

/**
 * The feed behind the outbox page, newest first: `?openid=` one person's subscription messages,
 * `?phone=` the texts to one number, neither: both channels (`?channel=wechat|sms` keeps one).
 */
async function outboxFeed(
  core: EmulatorCore,
  templates: Map<string, Template>,
  params: URLSearchParams,
): Promise<Record<string, unknown>[]> {
  const openid = params.get('openid')
  const phone = params.get('phone')
  const channel = params.get('channel') ?? (openid ? 'wechat' : phone ? 'sms' : '')
  const limit = 200
  const people = await directory(core)
  const wechat =
    channel === 'sms'
      ? []
      : (
          await core.store.find(OUTBOX, openid ? { touser: openid } : {}, {
            sort: { at: -1, seq: -1 },
            limit,
          })
        ).map((r) => wechatEntry(r, templates, people.byOpenid))
  const texts =
    channel === 'wechat'
      ? []
      : (
          await core.store.find(SMS, phone ? { phone: normalizePhone(phone) } : {}, {
            sort: { at: -1, seq: -1 },
            limit,
          })
        ).map((r) => smsEntry(r, people.byPhone))
  return [...wechat, ...texts]
    .sort(
      (a, b) =>
        (b.at as Date).getTime() - (a.at as Date).getTime() ||
        Number(b.seq ?? 0) - Number(a.seq ?? 0),
    )
    .slice(0, limit)
}

async function sendSubscribe(
  core: EmulatorCore,
  templates: Map<string, Template>,
  p: Record<string, unknown>,
): Promise<ApiResult> {
  const touser = typeof p.touser === 'string' ? p.touser : ''
  const templateId = typeof p.template_id === 'string' ? p.template_id : ''
  const data = (p.data ?? {}) as Record<string, { value?: unknown }>
  const record = async (status: string, errcode: number, errmsg: string): Promise<ApiResult> => {
    await core.store.insert(OUTBOX, {
      touser,
      templateId,
      page: p.page ?? '',
      data,
      status,
      errcode,
      errmsg,
      at: new Date(core.clock.now()),
      seq: nextSeq(),
    })
    return errcode ? fail(errcode, errmsg) : ok({ msgid: Date.now() })
  }
  if (!touser || /\s/.test(touser)) return record('rejected', 40003, 'invalid openid')
  const template = templates.get(templateId)
  if (!template) return record('rejected', 40037, 'invalid template_id')
  for (const [key, type] of Object.entries(template.fields)) {
    const value = data[key]?.value
    const why = typeof value !== 'string' ? 'is missing' : fieldViolation(type, value)
    if (why) return record('rejected', 47003, `argument invalid! data.${key}.value ${why}`)
  }
  if (typeof p.page === 'string' && p.page.startsWith('/'))
    return record('rejected', 47003, 'argument invalid! page must not start with /')
  if (!(await consumeConsent(core, template, touser)))
    return record('rejected', 43101, 'user refuse to accept the msg')
  return record('sent', 0, 'ok')
}

async function qrCode(p: Record<string, unknown>): Promise<ApiResult> {
  const scene = typeof p.scene === 'string' ? p.scene : ''
  const page = typeof p.page === 'string' ? p.page : 'pages/index/index'
  const width = p.width === undefined ? 430 : Number(p.width)
  if (!scene || scene.length > 32 || !/^[\x21-\x7e]+$/.test(scene))
    return fail(40169, 'invalid scene: 1–32 visible ASCII characters')
  if (page.startsWith('/') || page.includes('?'))
    return fail(41030, 'invalid page: no leading slash, no query')
  if (!Number.isFinite(width) || width < 280 || width > 1280)
    return fail(40159, 'invalid width: 280–1280')
  const env = String(p.env_version ?? 'release')
  if (!['release', 'trial', 'develop'].includes(env)) return fail(40001, 'invalid env_version')
  const text = `https://mp.weixin.qq.com/a/woodpecker?page=${encodeURIComponent(page)}&scene=${encodeURIComponent(scene)}&env=${env}`
  const png = await QRCode.toBuffer(text, {
    type: 'png',
    width,
    margin: 2,
    errorCorrectionLevel: 'M',
  })
  return { png }
}
