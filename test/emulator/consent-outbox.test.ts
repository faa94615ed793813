// Subscription consent of both kinds (one-time credits accumulate and are used up, long-term is
// recorded once and never used up, requests never mix kinds → 20002), and the outbox feed that reads
// like WeChat's 服务通知: template title, field labels, recipient's name and role, Beijing time, SMS.
import { createManualClock } from '../../emulator/src/clock'
import { beijingTime, roleLabel } from '../../emulator/src/openapi/feed'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS, gateway } from './helpers/fixtures'

type Row = Record<string, unknown>
const ASSIGNED = 'woodpecker-hazard-assigned'
const ESCALATED = 'woodpecker-hazard-escalated'
const RESOLVED = 'woodpecker-hazard-resolved'
const LONG = 'woodpecker-hazard-longterm'

describe('consent kinds and the outbox feed', () => {
  let emu: SdkEmulator
  let url: string
  const clock = createManualClock(Date.parse('2026-11-24T01:30:00Z')) // 09:30 in Beijing
  beforeAll(async () => {
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock,
    })
    url = emu.emulator.url
    await emu.emulator.engine.commit([
      { op: 'create', c: 'users' },
      ...[
        ['u1', 'o-floor', '尹志强', ['staff', 'floor_captain'], '13800000001'],
        ['u2', 'o-coord', '吕涛', ['coordinator'], '13800000002'],
        ['u3', 'o-long', '王楼长', ['building_captain'], '13800000003'],
      ].map(([_id, openid, name, roles, phone]) => ({
        op: 'put' as const,
        c: 'users',
        d: { _id, openid, name, roles, phone },
      })),
    ])
  })
  afterAll(() => emu.emulator.stop())

  const consent = async (openid: string, templateIds: unknown, reject?: string[]) => {
    const res = await fetch(`${url}/_emulator/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds, reject }),
    })
    return { status: res.status, json: (await res.json()) as Row }
  }
  const consents = async (openid: string) =>
    (await (await fetch(`${url}/_emulator/consent?openid=${openid}`)).json()) as Row[]
  const credits = async (openid: string, templateId: string) =>
    (await consents(openid)).find((c) => c.templateId === templateId)?.credits ?? 0
  const message = (touser: string, templateId = ASSIGNED, page = 'pages/ticket/index?id=t1') => ({
    touser,
    templateId,
    page,
    data: {
      thing1: { value: '消防通道堵塞' },
      thing2: { value: '7号楼3层' },
      time3: { value: '2026-11-24 09:30' },
      thing4: { value: '请尽快处理' },
    },
  })
  const send = async (touser: string, templateId = ASSIGNED, page?: string) =>
    (await gateway(url, 'notifier', { api: 'send', params: message(touser, templateId, page) }))
      .json

  describe('requestSubscribeMessage stand-in', () => {
    it.each([
      ['no template', [], 10001, "TmplIds can't be empty"],
      [
        'four templates',
        [ASSIGNED, ESCALATED, RESOLVED, ASSIGNED],
        20003,
        'Templates count out of max bounds',
      ],
      [
        'an unknown template',
        [ASSIGNED, 'nope'],
        20001,
        'No template data return, verify the template id exist',
      ],
      ['one-time and long-term together', [ASSIGNED, LONG], 20002, 'Templates type must be same'],
    ])(
      'fails %s like the platform (HTTP 200) and records nothing',
      async (_n, ids, errCode, reason) => {
        const { status, json } = await consent('o-mixed', ids)
        expect(status).toBe(200)
        expect(json).toEqual({ errMsg: `requestSubscribeMessage:fail ${reason}`, errCode })
        expect(await consents('o-mixed')).toEqual([])
      },
    )

    it('answers 400 without an openid', async () => {
      expect((await consent('', [ASSIGNED])).status).toBe(400)
    })

    it('accumulates one-time consents, one per accepted request, and records what was rejected as nothing', async () => {
      const first = await consent('o-floor', [ASSIGNED, ESCALATED, RESOLVED], [RESOLVED])
      expect(first.json).toEqual({
        errMsg: 'requestSubscribeMessage:ok',
        [ASSIGNED]: 'accept',
        [ESCALATED]: 'accept',
        [RESOLVED]: 'reject',
      })
      await consent('o-floor', [ASSIGNED])
      expect(await credits('o-floor', ASSIGNED)).toBe(2)
      expect(await credits('o-floor', ESCALATED)).toBe(1)
      expect(await credits('o-floor', RESOLVED)).toBe(0)
    })

    it('uses up one one-time consent per send, then answers 43101', async () => {
      expect(await send('o-floor')).toMatchObject({ ok: true })
      expect(await send('o-floor')).toMatchObject({ ok: true })
      expect(await send('o-floor')).toMatchObject({ ok: false, errCode: 43101 })
      expect(await credits('o-floor', ASSIGNED)).toBe(0)
      expect(await credits('o-floor', ESCALATED)).toBe(1)
    })

    it('lets only one of two concurrent sends take the last consent', async () => {
      await consent('o-coord', [ASSIGNED])
      const both = await Promise.all([send('o-coord'), send('o-coord')])
      expect(both.map((r) => r.ok).sort()).toEqual([false, true])
    })

    it('records a long-term consent once and never uses it up', async () => {
      await consent('o-long', [LONG])
      await consent('o-long', [LONG])
      expect(await consents('o-long')).toEqual([
        expect.objectContaining({ templateId: LONG, kind: 'long-term', credits: 1 }),
      ])
      for (let i = 0; i < 5; i++) expect(await send('o-long', LONG)).toMatchObject({ ok: true })
      expect(await credits('o-long', LONG)).toBe(1)
      // A long-term consent does not stand in for a one-time template.
      expect(await send('o-long', ASSIGNED)).toMatchObject({ ok: false, errCode: 43101 })
    })

    it('stops sending once the user switches the template off', async () => {
      await consent('o-off', [LONG])
      expect(await send('o-off', LONG)).toMatchObject({ ok: true })
      const del = await fetch(`${url}/_emulator/consent?openid=o-off&templateId=${LONG}`, {
        method: 'DELETE',
      })
      expect(await del.json()).toEqual({ removed: 1 })
      expect(await send('o-off', LONG)).toMatchObject({ ok: false, errCode: 43101 })
    })
  })

  describe('the outbox feed', () => {
    const feed = async (query = '') =>
      (await (await fetch(`${url}/_emulator/outbox${query}`)).json()) as Row[]

    it('gives each message its template title, field labels, recipient and Beijing time', async () => {
      const rows = await feed('?openid=o-floor')
      expect(rows.map((r) => r.status)).toEqual(['rejected', 'sent', 'sent'])
      expect(rows[1]).toMatchObject({
        channel: 'wechat',
        title: '隐患待处理提醒',
        kind: 'one-time',
        touser: 'o-floor',
        status: 'sent',
        fields: [
          { key: 'thing1', label: '隐患类别', value: '消防通道堵塞' },
          { key: 'thing2', label: '位置', value: '7号楼3层' },
          { key: 'time3', label: '上报时间', value: '2026-11-24 09:30' },
          { key: 'thing4', label: '说明', value: '请尽快处理' },
        ],
        recipient: { name: '尹志强', role: '层长', roles: ['staff', 'floor_captain'] },
        copy: false,
        time: '2026-11-24 09:30:00',
        at: '2026-11-24T01:30:00.000Z',
      })
      expect(rows[0]).toMatchObject({ status: 'rejected', errcode: 43101 })
    })

    it('shows SMS texts in the same feed, marked with their channel and recipient', async () => {
      await clock.advance(60_000)
      const res = await fetch(`${url}/_emulator/sms/`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: 'TC3-HMAC-SHA256 Credential=local',
          'x-tc-action': 'SendSms',
          'x-tc-version': '2021-01-11',
        },
        body: JSON.stringify({
          PhoneNumberSet: ['+8613800000002'],
          SmsSdkAppId: '1400000000',
          SignName: '啄木鸟',
          TemplateId: '100001',
          TemplateParamSet: ['7号楼3层', '消防通道堵塞'],
        }),
      })
      expect(
        ((await res.json()) as { Response: { SendStatusSet: Row[] } }).Response.SendStatusSet[0]
          .Code,
      ).toBe('Ok')
      const all = await feed()
      expect(all[0]).toMatchObject({
        channel: 'sms',
        channelLabel: '短信',
        phone: '+8613800000002',
        status: 'sent',
        text: expect.stringContaining('【啄木鸟】7号楼3层'),
        recipient: { name: '吕涛', role: '协管员' },
        time: '2026-11-24 09:31:00',
      })
      expect(all.some((r) => r.channel === 'wechat')).toBe(true)
      expect((await feed('?channel=sms')).every((r) => r.channel === 'sms')).toBe(true)
      expect((await feed('?phone=13800000002')).map((r) => r.channel)).toEqual(['sms'])
      expect((await feed('?openid=o-coord')).every((r) => r.channel === 'wechat')).toBe(true)
    })

    it('marks a copy (抄送) by the page it opens', async () => {
      await consent('o-copy', [ESCALATED])
      await send('o-copy', ESCALATED, 'pages/ticket/index?id=t9&copy=1')
      expect((await feed('?openid=o-copy'))[0]).toMatchObject({
        title: '隐患升级督办提醒',
        copy: true,
        status: 'sent',
      })
    })

    it('serves a page that renders the feed by channel', async () => {
      const html = await (await fetch(`${url}/_emulator/outbox.html`)).text()
      expect(html).toContain('服务通知')
      expect(html).toContain("m.channel==='sms'")
      expect(html).toContain('f.label')
    })
  })
})

describe('feed formatting', () => {
  it.each([
    ['2026-11-24T01:30:00Z', '2026-11-24 09:30:00'],
    ['2026-11-24T16:00:00Z', '2026-11-25 00:00:00'],
    ['2026-06-30T23:59:59.999Z', '2026-07-01 07:59:59'],
  ])('%s is %s in Beijing', (iso, expected) => {
    expect(beijingTime(iso)).toBe(expected)
  })

  it.each([
    [['floor_captain'], '层长'],
    [['coordinator'], '协管员'],
    [['building_captain'], '楼长'],
    [['safety_office'], '安全办'],
    [['leader'], '院领导'],
    [['staff'], '职工'],
    [['staff', 'floor_captain'], '层长'],
    [['floor_captain', 'coordinator'], '协管员'],
    [[], ''],
  ])('%j reads %s', (roles, label) => {
    expect(roleLabel(roles)).toBe(label)
  })
})
