// The Tencent Cloud SMS stand-in, reached by the official tencentcloud-sdk-nodejs-sms client from a
// function: the real response shapes and error codes, E.164 numbers, template rules, and the
// per-number limits (30 s, 1 h, one Beijing day) on the emulator clock.
import { createManualClock } from '../../emulator/src/clock'
import { smsFunctionEnv } from '../../emulator/src/index'
import { numberViolation } from '../../emulator/src/sms/rules'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS, gateway } from './helpers/fixtures'

type Json = Record<string, unknown>
const at = (iso: string) => Date.parse(iso)
const PARAMS = ['7号楼3层', '消防通道堵塞']
let fresh = 0

describe('SMS stand-in (SendSms 2021-01-11)', () => {
  let emu: SdkEmulator
  let url: string
  const clock = createManualClock(at('2026-11-24T00:00:00Z'))
  beforeAll(async () => {
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock,
    })
    url = emu.emulator.url
    emu.emulator.setFunctionEnv(smsFunctionEnv(url, FIXTURE_DATABASE))
  })
  afterAll(() => emu.emulator.stop())

  /** Sends through the official client inside a function, as the notify function will. */
  const text = async (phones: string[], params: string[] = PARAMS, extra: Json = {}) =>
    (await gateway(url, 'texter', { phones, params, ...extra })).json as {
      ok: boolean
      res?: { SendStatusSet: Json[]; RequestId: string }
      code?: string
      message?: string
    }
  const codes = async (phones: string[]) =>
    ((await text(phones)).res?.SendStatusSet ?? []).map((s) => s.Code)
  const raw = (headers: Record<string, string>, body: unknown) =>
    fetch(`${url}/_emulator/sms/`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    }).then(async (r) => ({ status: r.status, json: (await r.json()) as { Response: Json } }))
  const validBody = {
    PhoneNumberSet: ['+8613900000099'],
    SmsSdkAppId: '1400000000',
    SignName: '啄木鸟',
    TemplateId: '100001',
    TemplateParamSet: PARAMS,
  }
  const signed = {
    authorization: 'TC3-HMAC-SHA256 Credential=local/2026-11-24/sms/tc3_request, Signature=x',
    'x-tc-action': 'SendSms',
    'x-tc-version': '2021-01-11',
  }

  it('answers a send like the real API and keeps it', async () => {
    const out = await text(['+8613800000001'], PARAMS, { session: 'intent-1' })
    expect(out.ok).toBe(true)
    expect(out.res).toEqual({
      SendStatusSet: [
        {
          SerialNo: expect.stringMatching(/^\d+:\d+$/),
          PhoneNumber: '+8613800000001',
          Fee: 1,
          SessionContext: 'intent-1',
          Code: 'Ok',
          Message: 'send success',
          IsoCode: 'CN',
        },
      ],
      RequestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    })
    const kept = (await (await fetch(`${url}/_emulator/sms?phone=13800000001`)).json()) as Json[]
    expect(kept).toHaveLength(1)
    expect(kept[0]).toMatchObject({
      phone: '+8613800000001',
      status: 'sent',
      code: 'Ok',
      templateId: '100001',
      params: PARAMS,
      sessionContext: 'intent-1',
      text: '【啄木鸟】7号楼3层有消防通道堵塞隐患待处理，请尽快打开啄木鸟小程序查看。',
      at: '2026-11-24T00:00:00.000Z',
    })
  })

  it.each([
    ['without +86', '13800000002'],
    ['too short', '+861380000'],
    ['too long', '+86138000000021'],
    ['a landline', '+862088888888'],
    ['letters', '+86138abc00002'],
  ])('fails a number %s with IncorrectPhoneNumber, sending the others', async (_n, bad) => {
    const out = await text([bad, `+861360000${String(++fresh).padStart(4, '0')}`])
    const [first, second] = out.res!.SendStatusSet
    expect(first).toMatchObject({
      PhoneNumber: bad,
      Code: 'InvalidParameterValue.IncorrectPhoneNumber',
      Fee: 0,
      SerialNo: '',
    })
    expect(second.Code).not.toBe('InvalidParameterValue.IncorrectPhoneNumber')
  })

  it('fails an international number with a mainland template', async () => {
    expect(await codes(['+14155550100'])).toEqual([
      'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone',
    ])
  })

  it.each([
    [
      'one parameter for a two-parameter template',
      { params: ['7号楼3层'] },
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    ],
    [
      'three parameters',
      { params: ['a', 'b', 'c'] },
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
    ],
    [
      'a 13-character parameter',
      { params: ['一二三四五六七八九十一二三', 'x'] },
      'InvalidParameterValue.TemplateParameterLengthLimit',
    ],
    [
      'a URL in a parameter',
      { params: ['www.a.cn', 'x'] },
      'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
    ],
    [
      'an unknown template',
      { templateId: '999999' },
      'FailedOperation.TemplateUnapprovedOrNotExist',
    ],
    ['an empty number set', { phones: [] }, 'MissingParameter.EmptyPhoneNumberSet'],
    [
      '201 numbers',
      { phones: Array.from({ length: 201 }, (_v, i) => `+86139${String(i).padStart(8, '0')}`) },
      'LimitExceeded.PhoneNumberCountLimit',
    ],
    [
      'mainland and international numbers together',
      { phones: ['+8613900000001', '+14155550100'] },
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
    ],
    ['a SessionContext of 512 bytes', { session: 'x'.repeat(512) }, 'InvalidParameterValue'],
  ])('refuses %s as a whole', async (_name, change, code) => {
    const c = change as {
      params?: string[]
      phones?: string[]
      templateId?: string
      session?: string
    }
    const out = await text(c.phones ?? ['+8613900000010'], c.params ?? PARAMS, {
      templateId: c.templateId,
      session: c.session,
    })
    expect(out).toMatchObject({ ok: false, code, requestId: expect.any(String) })
    const kept = (await (await fetch(`${url}/_emulator/sms`)).json()) as Json[]
    expect(kept.find((k) => k.code === code)).toMatchObject({ status: 'rejected' })
  })

  it('takes a 12-character parameter', async () => {
    expect(
      (await text(['+8613900000011'], ['一二三四五六七八九十一二', '消防通道堵塞'])).res!
        .SendStatusSet[0].Code,
    ).toBe('Ok')
  })

  it.each([
    [
      'no Authorization header',
      { authorization: '' },
      validBody,
      'AuthFailure.InvalidAuthorization',
    ],
    ['another action', { 'x-tc-action': 'PullSmsSendStatus' }, validBody, 'InvalidAction'],
    ['the 2019 version', { 'x-tc-version': '2019-07-11' }, validBody, 'NoSuchVersion'],
    [
      'an unknown SdkAppId',
      {},
      { ...validBody, SmsSdkAppId: '1400999999' },
      'InvalidParameterValue.SdkAppIdNotExist',
    ],
    [
      'an unapproved signature',
      {},
      { ...validBody, SignName: '别的签名' },
      'FailedOperation.SignatureIncorrectOrUnapproved',
    ],
    ['no TemplateId', {}, { ...validBody, TemplateId: undefined }, 'MissingParameter'],
  ])('answers a request with %s with a top-level Error', async (_n, headers, body, code) => {
    const h = { ...signed, ...headers } as Record<string, string>
    for (const k of Object.keys(h)) if (!h[k]) delete h[k]
    const { status, json } = await raw(h, body)
    expect(status).toBe(200)
    expect(json).toEqual({
      Response: {
        Error: { Code: code, Message: expect.any(String) },
        RequestId: expect.any(String),
      },
    })
  })

  it('limits each number to 1 per 30 s, 5 per hour and 10 per Beijing day, on the emulator clock', async () => {
    const phone = '+8613700000001'
    const send = async () => (await codes([phone]))[0]
    const wait = (ms: number) => clock.advance(ms)
    expect(await send()).toBe('Ok')
    expect(await send()).toBe('LimitExceeded.PhoneNumberThirtySecondLimit')
    for (let i = 0; i < 4; i++) {
      await wait(30_000)
      expect(await send()).toBe('Ok')
    }
    await wait(30_000)
    expect(await send()).toBe('LimitExceeded.PhoneNumberOneHourLimit')
    await wait(3_600_000)
    for (let i = 0; i < 5; i++) {
      expect(await send()).toBe('Ok')
      await wait(30_000)
    }
    expect(await send()).toBe('LimitExceeded.PhoneNumberOneHourLimit')
    await wait(3_600_000)
    expect(await send()).toBe('LimitExceeded.PhoneNumberDailyLimit')
    // Beijing midnight starts a new day.
    await clock.set(at('2026-11-24T16:00:00Z'))
    expect(await send()).toBe('Ok')
    const kept = (await (
      await fetch(`${url}/_emulator/sms?phone=${encodeURIComponent(phone)}`)
    ).json()) as Json[]
    expect(kept.filter((k) => k.status === 'sent')).toHaveLength(11)
  }, 30_000)

  it('lets only one of two concurrent sends to a number through', async () => {
    const phone = '+8613700000002'
    const both = await Promise.all([codes([phone]), codes([phone])])
    expect(both.flat().sort()).toEqual(['LimitExceeded.PhoneNumberThirtySecondLimit', 'Ok'])
  })
})

describe('numberViolation', () => {
  const limits = { thirtySeconds: 1, oneHour: 5, oneDay: 10 }
  const now = at('2026-11-24T04:00:00Z') // 12:00 in Beijing
  const ago = (ms: number) => now - ms
  it.each([
    ['no earlier sends', [], undefined],
    ['one 29 s ago', [ago(29_000)], 'LimitExceeded.PhoneNumberThirtySecondLimit'],
    ['one exactly 30 s ago', [ago(30_000)], undefined],
    [
      'five within the hour',
      [1, 2, 3, 4, 5].map((m) => ago(m * 60_000)),
      'LimitExceeded.PhoneNumberOneHourLimit',
    ],
    ['five, the oldest 61 min ago', [1, 2, 3, 4, 61].map((m) => ago(m * 60_000)), undefined],
    [
      'ten since Beijing midnight',
      [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((h) => ago(h * 61 * 60_000 * 1.1)),
      'LimitExceeded.PhoneNumberDailyLimit',
    ],
    [
      'ten, one before Beijing midnight',
      [...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((h) => ago(h * 61 * 60_000)), ago(12 * 3_600_000 + 1)],
      undefined,
    ],
  ])('%s', (_n, earlier, code) => {
    expect(numberViolation('+8613800000001', earlier, now, limits)?.Code).toBe(code)
  })
})
