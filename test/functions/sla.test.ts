// The SLA ladder through the real functions on the emulator's manual clock: time moves work up the
// ladder exactly once, deadlines remind and then turn overdue, quiet hours hold what can wait,
// racing sweeps act once, a push whose dispatch failed is sent by notify's sweep, and urgent
// hazards with nobody reachable fall back to one SMS.
import { renameSync } from 'node:fs'
import { join } from 'node:path'
import { FUNCTIONS_DIR, startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { createManualClock } from '../../emulator/src/clock'
import { smsFunctionEnv } from '../../emulator/src/sms/env'
import type { TicketView } from '../../types/api/ticket'
import { TEMPLATE_IDS } from '../../types/api/notify'

// Tuesday 2026-11-24, 09:00 in Shanghai.
const T0 = Date.parse('2026-11-24T09:00:00+08:00')
const MIN = 60_000

describe('the SLA ladder on the manual clock', () => {
  let b: Backend
  const clock = createManualClock(T0)
  const advance = (ms: number) => clock.advance(ms)
  const report = (floorId: string, key: string, categoryId = 'wet-floor') =>
    b.okAs<TicketView>('demo-staff', 'ticket', 'create', {
      clientKey: key,
      floorId,
      categoryId,
      photos: [PHOTO],
    })
  const get = (id: string, as = 'demo-safety') => b.okAs<TicketView>(as, 'ticket', 'get', { id })
  const sweep = async () =>
    (
      (await b.sdk.callFunction({
        name: 'sla',
        data: { action: 'sweep', input: {} },
      })) as unknown as {
        result: { ok: boolean; data: { acted: number } }
      }
    ).result
  const sent = async (openid: string, ticketId: string) =>
    (
      (await (await fetch(`${b.url}/_emulator/outbox?openid=${openid}`)).json()) as Array<{
        status: string
        page: string
      }>
    ).filter((m) => m.status === 'sent' && m.page.includes(ticketId))

  beforeAll(async () => {
    process.env.QUIET_HOURS = '22:00-07:00'
    b = await startBackend({ seed: true, clock })
    await b.db
      .collection('categories')
      .where({ _id: 'gas-oxygen' })
      .update({ data: { urgent: true, responseMinutes: { high: 15 } } })
    await b.db
      .collection('categories')
      .where({ _id: 'wet-floor' })
      .update({ data: { responseMinutes: { medium: 30 } } })
  }, 60_000)
  afterAll(async () => {
    await b.stop()
    process.env.QUIET_HOURS = 'off'
  })

  it('climbs 层长 → 协管员 → 楼长 by time alone, once per level, with the reason in the record', async () => {
    await b.consent('demo-coordinator', [TEMPLATE_IDS.escalated])
    const t = await report('B07F04', 'sla-climb-abcdefgh')
    expect(t).toMatchObject({ level: 0, dueStep: 'accept' })
    await advance(28 * MIN)
    expect((await get(t.id)).level).toBe(0)
    await advance(4 * MIN)
    const once = await get(t.id)
    expect(once.level).toBe(1)
    expect(once.events.filter((e) => e.action === 'escalate')).toHaveLength(1)
    expect(once.events.at(-1)?.note).toMatch(
      /^超时 3\d 分钟未受理（由 层长 \S+ 升级至 协管员 \S+）$/,
    )
    expect(await sent('demo-coordinator', t.id)).toHaveLength(1)
    // Two more sweeps at the same minute change nothing.
    await Promise.all([sweep(), sweep()])
    expect((await get(t.id)).events.filter((e) => e.action === 'escalate')).toHaveLength(1)
    await advance(32 * MIN)
    const twice = await get(t.id)
    expect(twice.level).toBe(2)
    expect(twice.events.filter((e) => e.action === 'escalate')).toHaveLength(2)
    expect(await sent('demo-coordinator', t.id)).toHaveLength(1)
  })

  it('lets two racing sweeps act exactly once', async () => {
    const t = await report('B07F05', 'sla-race-abcdefgh')
    await b.db
      .collection('tickets')
      .where({ _id: t.id })
      .update({ data: { dueAt: new Date(clock.now() - MIN) } })
    const results = await Promise.all([sweep(), sweep(), sweep()])
    expect(results.every((r) => r.ok)).toBe(true)
    const view = await get(t.id)
    expect(view.events.filter((e) => e.action === 'escalate')).toHaveLength(1)
    expect(view.level).toBe(1)
  })

  it('reminds before a deadline, then marks it overdue, hands it to the 楼长 and tells the safety office', async () => {
    const t = await report('B07F06', 'sla-deadline-abcdefgh')
    const deadline = new Date(clock.now() + 30 * 60 * MIN).toISOString()
    await b.okAs('o-fc-B07F06', 'ticket', 'act', {
      id: t.id,
      action: 'defer',
      deadline,
      departmentId: 'property',
      plan: '联系物业更换地垫',
    })
    await advance(6 * 60 * MIN + MIN) // 24 h before the deadline
    expect((await get(t.id)).events.filter((e) => e.action === 'remind')).toHaveLength(1)
    await advance(22 * 60 * MIN) // 2 h before
    expect((await get(t.id)).events.filter((e) => e.action === 'remind')).toHaveLength(2)
    await advance(2 * 60 * MIN)
    const late = await get(t.id)
    expect(late).toMatchObject({ overdue: true, level: 2, status: 'rectifying' })
    expect(late.events.filter((e) => e.action === 'overdue')).toHaveLength(1)
    const mine = await b.okAs<{ items: Array<{ id: string; overdue: boolean }> }>(
      'demo-staff',
      'ticket',
      'mine',
      { limit: 50 },
    )
    expect(mine.items.find((i) => i.id === t.id)?.overdue).toBe(true)
    await advance(2 * 60 * MIN)
    expect((await get(t.id)).events.filter((e) => e.action === 'overdue')).toHaveLength(1)
  })

  it('holds a non-urgent push in the quiet hours until 07:00, never an urgent one', async () => {
    await clock.set(Date.parse('2026-11-25T23:00:00+08:00'))
    await b.consent('o-fc-B08F01', [TEMPLATE_IDS.assigned])
    await b.consent('o-fc-B08F02', [TEMPLATE_IDS.assigned])
    const quiet = await report('B08F01', 'sla-night-abcdefgh')
    expect(quiet.reach[0].text).toMatch(/^夜间静默时段，将于 07:00 推送给 层长 /)
    expect(await sent('o-fc-B08F01', quiet.id)).toHaveLength(0)
    const urgent = await report('B08F02', 'sla-urgent-abcdefgh', 'gas-oxygen')
    expect(urgent.reach[0].text).toMatch(/^已推送给 层长 /)
    // Nothing escalates a non-urgent hazard overnight.
    await clock.set(Date.parse('2026-11-26T06:58:00+08:00'))
    expect((await get(quiet.id)).level).toBe(0)
    expect(await sent('o-fc-B08F01', quiet.id)).toHaveLength(0)
    await clock.set(Date.parse('2026-11-26T07:03:00+08:00'))
    expect(await sent('o-fc-B08F01', quiet.id)).toHaveLength(1)
  })

  it('sends one evening list per 楼长 and 协管员 at 20:00, and the page lists the building’s day', async () => {
    await clock.set(Date.parse('2026-11-26T19:58:00+08:00'))
    await b.consent('demo-building-captain', [TEMPLATE_IDS.evening])
    const t = await report('B07F07', 'sla-evening-abcdefgh')
    await clock.set(Date.parse('2026-11-26T20:05:00+08:00'))
    const lists = (
      (await (
        await fetch(`${b.url}/_emulator/outbox?openid=demo-building-captain`)
      ).json()) as Array<{
        status: string
        page: string
      }>
    ).filter((m) => m.page.startsWith('pages/evening/index'))
    expect(lists).toHaveLength(1)
    expect(lists[0]).toMatchObject({ status: 'sent' })
    const page = await b.okAs<{
      counts: Record<string, number>
      floors: Array<{ floorName: string; items: Array<{ id: string; tags: string[] }> }>
    }>('demo-building-captain', 'ticket', 'evening', { buildingId: 'B07' })
    expect(page.counts.new).toBeGreaterThanOrEqual(1)
    const floor = page.floors.find((f) => f.floorName === '7层')
    expect(floor?.items.find((i) => i.id === t.id)?.tags).toEqual(
      expect.arrayContaining(['new', 'open']),
    )
    await expect(
      b.callAs('o-fc-B01F01', 'ticket', 'evening', { buildingId: 'B07' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
  })

  it('texts the owner once when an urgent hazard reaches nobody, never twice on retry', async () => {
    b.emulator.setFunctionEnv(smsFunctionEnv(b.url))
    try {
      await clock.set(Date.parse('2026-11-27T10:00:00+08:00'))
      const t = await report('B09F01', 'sla-sms-abcdefgh', 'gas-oxygen')
      const again = await report('B09F01', 'sla-sms-abcdefgh', 'gas-oxygen')
      expect(again.id).toBe(t.id)
      expect(t.reach[0].text).toMatch(/暂未开启提醒，已发送短信$/)
      const texts = (await (await fetch(`${b.url}/_emulator/sms`)).json()) as Array<{
        status?: string
        code?: string
        phone?: string
      }>
      expect(texts.filter((m) => JSON.stringify(m).includes('燃气'))).toHaveLength(1)
    } finally {
      b.emulator.setFunctionEnv({})
    }
  })

  it('never loses a push when the dispatch fails after the ticket was written: notify’s sweep sends it', async () => {
    await b.consent('o-fc-B09F02', [TEMPLATE_IDS.assigned])
    // The notify function is gone for a moment: the ticket and its push intent are written together.
    const built = join(FUNCTIONS_DIR, 'notify', 'index.js')
    renameSync(built, `${built}.away`)
    let t: TicketView
    try {
      t = await report('B09F02', 'sla-crash-abcdefgh')
    } finally {
      renameSync(`${built}.away`, built)
    }
    expect(t.reach[0].text).toMatch(/^正在通知 层长 /)
    expect(await sent('o-fc-B09F02', t.id)).toHaveLength(0)
    await advance(3 * MIN)
    expect(await sent('o-fc-B09F02', t.id)).toHaveLength(1)
    await advance(4 * MIN)
    expect(await sent('o-fc-B09F02', t.id)).toHaveLength(1)
    expect((await get(t.id)).reach[0].text).toMatch(/^已推送给 层长 /)
  })
})
