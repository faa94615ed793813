// The SLA ladder through the real functions on the emulator's manual clock: time moves work up the
// ladder exactly once, in business time for non-urgent hazards; deadlines (a day or a time) remind
// in waking hours and turn overdue at the deadline itself; quiet hours hold what can wait,
// racing sweeps act once, a push whose dispatch failed is sent by notify's sweep, and urgent
// hazards with nobody reachable fall back to one SMS.
import { renameSync, rmSync } from 'node:fs'
import { join } from 'node:path'
import {
  linkedFunctionsDir,
  startBackend,
  type Backend,
  OWN_PHOTO as PHOTO,
} from './helpers/backend'
import { createManualClock } from '../../emulator/src/clock'
import { smsFunctionEnv } from '../../emulator/src/sms/env'
import type { TicketView } from '../../types/api/ticket'
import { reportFollowed } from './helpers/follow'
import { TEMPLATE_IDS } from '../../types/api/notify'

// Tuesday 2026-11-24, 09:00 in Shanghai.
const T0 = Date.parse('2026-11-24T09:00:00+08:00')
const MIN = 60_000

// Each test moves the clock through hours of sweeps (many function invocations): a wide budget for a
// loaded 2-core machine running two jest workers; nothing here measures speed.
jest.setTimeout(120_000)

describe('the SLA ladder on the manual clock', () => {
  let b: Backend
  const clock = createManualClock(T0)
  // Its own folder of the built functions, from which one test takes notify away for a moment.
  const functionsDir = linkedFunctionsDir()
  const advance = (ms: number) => clock.advance(ms)
  /** Moves time on with each timer run once at the new time, not once per minute on the way. */
  const jumpBy = (ms: number) => clock.jump(clock.now() + ms)
  // Each report as its success screen ends: answered, then followed until its push has an outcome.
  const report = (floorId: string, key: string, categoryId = 'wet-floor') =>
    reportFollowed(b, 'demo-staff', { clientKey: key, floorId, categoryId, photos: [PHOTO] })
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
    b = await startBackend({ seed: true, clock, functionsDir })
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
    rmSync(functionsDir, { recursive: true, force: true })
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
    // Nothing falls due between the reminders: one sweep at each moment stands for the hours of
    // them (each minute's sweep is what the last two hours below go through).
    await jumpBy(6 * 60 * MIN + MIN) // 24 h before the deadline
    expect((await get(t.id)).events.filter((e) => e.action === 'remind')).toHaveLength(1)
    await jumpBy(22 * 60 * MIN) // 2 h before
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
    const after = (await get(t.id)).events
    expect(after.filter((e) => e.action === 'overdue')).toHaveLength(1)
    expect(after.filter((e) => e.action === 'remind')).toHaveLength(2)
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

  it('gives a hazard reported at 23:00 its whole window from 07:00; an urgent one runs around the clock', async () => {
    // Reported 2026-11-25 23:00 (the test above; the same key answers the same ticket), 30 minutes
    // to accept in business time.
    const night = await report('B08F01', 'sla-night-abcdefgh')
    expect(night.dueAt).toBe(new Date('2026-11-26T07:30:00+08:00').toISOString())
    await clock.set(Date.parse('2026-11-26T07:29:00+08:00'))
    expect((await get(night.id)).level).toBe(0)
    await clock.set(Date.parse('2026-11-26T07:31:00+08:00'))
    const climbed = await get(night.id)
    expect(climbed.level).toBe(1)
    const escalation = climbed.events.find((e) => e.action === 'escalate')!
    expect(escalation.at).toBe(new Date('2026-11-26T07:30:00+08:00').toISOString())
    // Business minutes: the night is not held against the captain (it was “超时 480 分钟”).
    expect(escalation.note).toMatch(/^超时 30 分钟未受理（/)
    // The urgent hazard reported beside it climbed at 23:15, in the night.
    const urgent = await get((await report('B08F02', 'sla-urgent-abcdefgh', 'gas-oxygen')).id)
    expect(urgent.events.find((e) => e.action === 'escalate')).toMatchObject({
      at: new Date('2026-11-25T23:15:00+08:00').toISOString(),
      note: expect.stringMatching(/^超时 15 分钟未受理（/),
    })
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

  it('a day deadline: reminded the evening before, 逾期 recorded at 23:59:59, every push names the deadline', async () => {
    await clock.set(Date.parse('2026-11-26T21:00:00+08:00'))
    await b.consent('o-fc-B08F03', [TEMPLATE_IDS.reminder, TEMPLATE_IDS.reminder])
    await b.consent('o-bc-B08', [TEMPLATE_IDS.escalated])
    const defer = async (key: string, deadline: string) => {
      const t = await report('B08F03', key)
      return b.okAs<TicketView>('o-fc-B08F03', 'ticket', 'act', {
        id: t.id,
        action: 'defer',
        deadline,
        departmentId: 'property',
        plan: '联系物业处理',
      })
    }
    // Due the end of tomorrow: its 24 h mark (23:59 tonight) is in the quiet hours.
    const tomorrow = await defer('sla-day-1-abcdefgh', '2026-11-27')
    // Due the end of today: its 2 h mark is 21:59 tonight.
    const today = await defer('sla-day-0-abcdefgh', '2026-11-26')
    expect(tomorrow.deadline).toBe(new Date('2026-11-27T23:59:59+08:00').toISOString())
    expect(today.deadline).toBe(new Date('2026-11-26T23:59:59+08:00').toISOString())
    expect(tomorrow.events.at(-1)?.note).toMatch(/^期限 2026-11-27，/)
    const reminders = (v: TicketView) => v.events.filter((e) => e.action === 'remind')
    await clock.set(Date.parse('2026-11-26T21:58:00+08:00'))
    expect(reminders(await get(tomorrow.id))).toHaveLength(0)
    await clock.set(Date.parse('2026-11-26T22:01:00+08:00'))
    for (const [t, deadline, left] of [
      [tomorrow, '11-27 23:59', 26],
      [today, '11-26 23:59', 2],
    ] as const) {
      const sentReminders = reminders(await get(t.id))
      expect(sentReminders).toHaveLength(1)
      // The last waking minute, never the morning after.
      expect(sentReminders[0].at).toBe(new Date('2026-11-26T21:59:00+08:00').toISOString())
      expect(sentReminders[0].note).toContain(`期限${deadline}，剩${left}小时`)
    }
    const pushed = (await (
      await fetch(`${b.url}/_emulator/outbox?openid=o-fc-B08F03`)
    ).json()) as Array<{
      status: string
      page: string
      fields: Array<{ label: string; value: string }>
    }>
    const reminderPush = pushed.find((m) => m.status === 'sent' && m.page.includes(tomorrow.id))
    // 处理期限 is the deadline itself, not the time the reminder went out.
    expect(reminderPush?.fields).toEqual(
      expect.arrayContaining([
        { key: 'time3', label: '处理期限', value: '2026-11-27 23:59' },
        { key: 'thing4', label: '说明', value: '期限11-27 23:59，剩26小时' },
      ]),
    )
    await clock.set(Date.parse('2026-11-27T00:01:00+08:00'))
    const late = await get(today.id)
    expect(late).toMatchObject({ overdue: true, level: 2 })
    const overdue = late.events.filter((e) => e.action === 'overdue')
    expect(overdue).toHaveLength(1)
    expect(overdue[0].at).toBe(new Date('2026-11-26T23:59:59+08:00').toISOString())
    expect(overdue[0].note).toMatch(/^整改逾期（期限 11-26 23:59）/)
    // Only the push waits for the morning.
    expect(late.reach.some((r) => /^夜间静默时段，将于 07:00 推送给 楼长 /.test(r.text))).toBe(true)
    expect(await sent('o-bc-B08', today.id)).toHaveLength(0)
    expect((await get(tomorrow.id)).overdue).toBe(false)
    await clock.set(Date.parse('2026-11-27T07:01:00+08:00'))
    const morning = (await (
      await fetch(`${b.url}/_emulator/outbox?openid=o-bc-B08`)
    ).json()) as Array<{
      status: string
      page: string
      fields: Array<{ label: string; value: string }>
    }>
    const escalated = morning.filter((m) => m.status === 'sent' && m.page.includes(today.id))
    expect(escalated).toHaveLength(1)
    expect(escalated[0].fields).toEqual(
      expect.arrayContaining([
        { key: 'time3', label: '上报时间', value: '2026-11-26 21:00' },
        { key: 'thing4', label: '说明', value: '整改逾期（期限 11-26 23:59）' },
      ]),
    )
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
    // The notify function is gone for a moment (from this backend's folder only: the built
    // functions are shared with every other test file running meanwhile): the ticket and its push
    // intent are written together.
    const notify = join(functionsDir, 'notify')
    renameSync(notify, `${notify}.away`)
    let t: TicketView
    try {
      t = await report('B09F02', 'sla-crash-abcdefgh')
    } finally {
      renameSync(`${notify}.away`, notify)
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
