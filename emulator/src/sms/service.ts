// A stand-in for Tencent Cloud SMS API 3.0 SendSms (2021-01-11), reached by the official
// tencentcloud-sdk-nodejs-sms client with protocol 'http://' and endpoint
// '127.0.0.1:PORT/_emulator/sms'. Every attempt is kept in `_emu_sms`; GET /_emulator/sms?phone=
// lists them.
import { randomInt, randomUUID } from 'node:crypto'
import type { IncomingMessage } from 'node:http'
import type { EmulatorService } from '../core'
import { readBody, sendJson } from '../http-util'
import { nextSeq } from '../seq'
import { loadSmsAccount } from './account'
import { checkSendSms, numberViolation, smsFee } from './rules'

export const SMS = '_emu_sms'

/** The E.164 form of a phone as people type it (11 digits, 86…, +86…); other text unchanged. */
export function normalizePhone(raw: string): string {
  const p = raw.replace(/[\s-]/g, '')
  if (/^1\d{10}$/.test(p)) return `+86${p}`
  if (/^(0086|86)1\d{10}$/.test(p)) return `+86${p.replace(/^(0086|86)/, '')}`
  return /^\d{8,15}$/.test(p) ? `+${p}` : p
}

const header = (req: IncomingMessage, name: string): string | undefined => {
  const v = req.headers[name]
  return typeof v === 'string' && v ? v : undefined
}

/** Installs POST /_emulator/sms (SendSms) and GET /_emulator/sms. */
export const smsService: EmulatorService = (core) => {
  const account = loadSmsAccount(core.databaseDir)
  let queue: Promise<unknown> = Promise.resolve()

  core.registerRoute('POST', '/_emulator/sms', async (req, res) => {
    const raw = (await readBody(req)).toString('utf8')
    // One request at a time, so two concurrent sends to a number both see each other's limits.
    const run = queue.then(async () => {
      const RequestId = randomUUID()
      let body: unknown
      try {
        body = JSON.parse(raw)
      } catch {
        body = undefined
      }
      const checked = checkSendSms(
        {
          authorization: header(req, 'authorization'),
          action: header(req, 'x-tc-action'),
          version: header(req, 'x-tc-version'),
        },
        body,
        account,
      )
      const at = core.clock.now()
      const b = (body ?? {}) as Record<string, unknown>
      const base = {
        requestId: RequestId,
        appId: String(b.SmsSdkAppId ?? ''),
        signName: String(b.SignName ?? ''),
        templateId: String(b.TemplateId ?? ''),
        params: Array.isArray(b.TemplateParamSet) ? b.TemplateParamSet.map(String) : [],
        sessionContext: typeof b.SessionContext === 'string' ? b.SessionContext : '',
        at: new Date(at),
      }
      if ('error' in checked) {
        const given = Array.isArray(b.PhoneNumberSet) ? b.PhoneNumberSet.map(String) : []
        for (const phone of given.length ? given.slice(0, 200) : [''])
          await core.store.insert(SMS, {
            ...base,
            phone,
            text: '',
            status: 'rejected',
            code: checked.error.Code,
            message: checked.error.Message,
            fee: 0,
            serialNo: '',
            seq: nextSeq(),
          })
        return { Response: { Error: checked.error, RequestId } }
      }
      const r = checked.request
      const SendStatusSet = []
      for (const phone of r.phones) {
        const earlier = await core.store.find(SMS, {
          phone,
          status: 'sent',
          at: { $gte: new Date(at - 25 * 3_600_000) },
        })
        const why = numberViolation(
          phone,
          earlier.map((e) => (e.at as Date).getTime()),
          at,
          account!.rateLimits,
        )
        const fee = why ? 0 : smsFee(r.text)
        const serialNo = why ? '' : `2640:${randomInt(1e9, 1e10)}${String(at).slice(-9)}`
        await core.store.insert(SMS, {
          ...base,
          phone,
          text: r.text,
          status: why ? 'rejected' : 'sent',
          code: why ? why.Code : 'Ok',
          message: why ? why.Message : 'send success',
          fee,
          serialNo,
          seq: nextSeq(),
        })
        SendStatusSet.push({
          SerialNo: serialNo,
          PhoneNumber: phone,
          Fee: fee,
          SessionContext: r.sessionContext,
          Code: why ? why.Code : 'Ok',
          Message: why ? why.Message : 'send success',
          IsoCode: phone.startsWith('+86') ? 'CN' : 'DEF',
        })
      }
      return { Response: { SendStatusSet, RequestId } }
    })
    queue = run.catch(() => undefined)
    sendJson(res, 200, await run)
  })

  core.registerRoute('GET', '/_emulator/sms', async (_req, res, url) => {
    const phone = url.searchParams.get('phone')
    const rows = await core.store.find(SMS, phone ? { phone: normalizePhone(phone) } : {}, {
      sort: { at: -1, seq: -1 },
      limit: 500,
    })
    sendJson(res, 200, rows)
  })
}
