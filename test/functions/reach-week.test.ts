// Reach that lasts a week, through the real functions on the emulator's still clock: the evening
// list goes only where work is open, spends no credit that was never banked and always stays in the
// app; texts to one number are batched and retried when the provider's per-number limit frees, with
// every reason in Chinese; the safety office's board lists only people with open work at stake,
// grouped by building.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { createManualClock } from '../../emulator/src/clock'
import { smsFunctionEnv } from '../../emulator/src/sms/env'
import type { TicketView } from '../../types/api/ticket'
import { reportFollowed } from './helpers/follow'
import { TEMPLATE_IDS } from '../../types/api/notify'

// Tuesday 2026-11-24, 10:00:00 in Shanghai.
const T0 = Date.parse('2026-11-24T10:00:00+08:00')
const SEC = 1000

type Feed = Array<{
  status: string
  page: string
  templateId: string
  fields: Array<{ key: string; label: string }>
}>
type Board = {
  items: Array<{ userId: string; buildingId: string; owned: number; atStake: number }>
  groups: Array<{ buildingId: string; count: number; atStake: number }>
  idle: number
}
type Evenings = {
  items: Array<{ buildingId: string; pushed: boolean; read: boolean; summary: string }>
  unread: number
}

describe('reach that lasts a week', () => {
  let b: Backend
  const clock = createManualClock(T0)
  // Each report as its success screen ends: answered, then followed until its push has an outcome.
  const report = (floorId: string, key: string, categoryId: string) =>
    reportFollowed(b, 'demo-staff', { clientKey: key, floorId, categoryId, photos: [PHOTO] })
  const feed = async (openid: string) =>
    (await (await fetch(`${b.url}/_emulator/outbox?openid=${openid}`)).json()) as Feed
  const credits = async (userId: string, templateId: string) =>
    (
      (await b.db
        .collection('consents')
        .where({ _id: `${userId}|${templateId}` })
        .get()) as unknown as { data: Array<{ credits: number }> }
    ).data[0]?.credits ?? 0

  beforeAll(async () => {
    b = await startBackend({ seed: true, clock })
    for (const id of ['gas-oxygen', 'fire-exit', 'electrical'])
      await b.db
        .collection('categories')
        .where({ _id: id })
        .update({ data: { urgent: true } })
  }, 60_000)
  afterAll(() => b.stop())

  it('texts a number once per window: a second and third hazard go in one retry when the 30 s limit frees', async () => {
    b.emulator.setFunctionEnv(smsFunctionEnv(b.url))
    try {
      const first = await report('B09F01', 'week-sms-1-abcdefgh', 'gas-oxygen')
      expect(first.reach[0].text).toMatch(/暂未开启提醒，已发送短信$/)
      await clock.advance(10 * SEC)
      const second = await report('B09F01', 'week-sms-2-abcdefgh', 'fire-exit')
      await clock.advance(5 * SEC)
      const third = await report('B09F01', 'week-sms-3-abcdefgh', 'electrical')
      for (const t of [second, third]) {
        // The provider's reason in Chinese and the time the limit frees; its code never reaches a person.
        expect(t.reach[0].text).toContain(
          '短信暂未发出（同一号码 30 秒内只能收 1 条短信），将于 10:00:30 后重发',
        )
        expect(t.reach[0].text).not.toMatch(/LimitExceeded|[A-Za-z]{4,}/)
      }
      const texts = async () =>
        (
          (await (await fetch(`${b.url}/_emulator/sms`)).json()) as Array<{
            status: string
            text: string
            code: string
          }>
        ).filter((m) => m.status === 'sent')
      expect((await texts()).map((m) => m.text)).toEqual([expect.stringContaining('燃气/氧气')])

      // Nothing goes before the limit frees; notify's next sweep (every 2 minutes) sends the rest.
      await clock.advance(10 * SEC)
      expect(await texts()).toHaveLength(1)
      await clock.advance(100 * SEC)
      const sent = await texts()
      expect(sent).toHaveLength(2)
      // One text names both hazards that waited for the number.
      expect(sent[0].text).toContain('9号楼1层消防通道堵塞')
      expect(sent[0].text).toContain('9号楼1层电气线路')
      expect(sent[0].text).toContain('共2处')
      for (const t of [second, third]) {
        const now = await b.okAs<TicketView>('demo-safety', 'ticket', 'get', { id: t.id })
        expect(now.reach[0].text).toMatch(/暂未开启提醒，已发送短信$/)
      }
      await clock.advance(2 * 60 * SEC)
      expect(await texts()).toHaveLength(2)
    } finally {
      b.emulator.setFunctionEnv({})
    }
  })

  it('sends the evening list only where work is open, spends only banked credit, keeps it in the app', async () => {
    await b.consent('demo-building-captain', [TEMPLATE_IDS.evening])
    await b.consent('o-bc-B09', [TEMPLATE_IDS.longTerm])
    await report('B07F05', 'week-evening-abcdefgh', 'wet-floor')
    await clock.jump(Date.parse('2026-11-24T20:00:30+08:00'))

    const lists = (
      (await b.db.collection('notifications').where({ kind: 'evening' }).get()) as unknown as {
        data: Array<{ ticketId: string; to: { userId: string }; outcome: string }>
      }
    ).data
    // Only buildings with open work: 7号楼 (the wet floor) and 9号楼 (the texted hazards).
    expect(new Set(lists.map((l) => l.ticketId.split(':')[1]))).toEqual(new Set(['B07', 'B09']))
    expect(lists.map((l) => l.to.userId)).not.toContain('u-bc-B01')

    const pushed = (await feed('demo-building-captain')).filter((m) =>
      m.page.startsWith('pages/evening/index'),
    )
    expect(pushed).toHaveLength(1)
    expect(pushed[0].fields.map((f) => f.label)).toEqual([
      '清单名称',
      '楼栋',
      '统计时间',
      '今日概况',
    ])
    expect(await credits('u-bc-B07', TEMPLATE_IDS.evening)).toBe(0)
    // A long-term consent carries the list every evening, with nothing to spend.
    const longTerm = (await feed('o-bc-B09')).filter((m) =>
      m.page.startsWith('pages/evening/index'),
    )
    expect(longTerm.map((m) => [m.status, m.templateId])).toEqual([['sent', TEMPLATE_IDS.longTerm]])

    // The coordinators banked nothing: no push, nothing spent, no one marked unreachable for a
    // summary (the deputy had no hazard pushed) — the list waits in the app.
    expect(
      (await feed('demo-coordinator')).filter((m) => m.page.startsWith('pages/evening/index')),
    ).toHaveLength(0)
    expect(lists.find((l) => l.to.userId === 'u-co-B07-1')?.outcome).toBe('inapp')
    expect(lists.find((l) => l.to.userId === 'u-co-B07-2')?.outcome).toBe('inapp')
    const coordinator = (
      (await b.db.collection('users').where({ _id: 'u-co-B07-2' }).get()) as {
        data: Array<{ unreachable?: boolean }>
      }
    ).data[0]
    expect(coordinator.unreachable).not.toBe(true)
    const inApp = await b.okAs<Evenings>('demo-coordinator', 'notify', 'evenings', {})
    expect(inApp).toMatchObject({
      unread: 1,
      items: [
        {
          buildingId: 'B07',
          pushed: false,
          read: false,
          summary: expect.stringMatching(/^新增1 /),
        },
      ],
    })
    await b.okAs('demo-coordinator', 'ticket', 'evening', { buildingId: 'B07' })
    expect(await b.okAs<Evenings>('demo-coordinator', 'notify', 'evenings', {})).toMatchObject({
      unread: 0,
      items: [{ read: true }],
    })
    expect(await b.okAs<Evenings>('o-bc-B01', 'notify', 'evenings', {})).toEqual({
      items: [],
      unread: 0,
    })
  })

  it('lists only unreachable people with open work at stake, grouped by building, with a filter', async () => {
    const board = await b.okAs<Board>('demo-safety', 'notify', 'unreachable', {})
    expect(board.items.length).toBeGreaterThan(0)
    for (const u of board.items) expect(u.owned + u.atStake).toBeGreaterThan(0)
    expect(new Set(board.items.map((u) => u.buildingId))).toEqual(new Set(['B07', 'B09']))
    expect(board.items.find((u) => u.userId === 'u-fc-B09F01')).toMatchObject({ atStake: 3 })
    expect(board.items.find((u) => u.userId === 'u-fc-B01F01')).toBeUndefined()
    for (const g of board.groups)
      expect(g.count).toBe(board.items.filter((u) => u.buildingId === g.buildingId).length)
    expect(board.groups.find((g) => g.buildingId === 'B09')).toMatchObject({ atStake: 3 })
    expect(board.idle).toBeGreaterThan(150)

    const b09 = await b.okAs<Board>('demo-safety', 'notify', 'unreachable', { buildingId: 'B09' })
    expect(b09.items.length).toBeGreaterThan(0)
    expect(b09.items.every((u) => u.buildingId === 'B09')).toBe(true)
    expect(b09.groups).toEqual(board.groups)
    expect(
      (await b.okAs<Board>('demo-safety', 'notify', 'unreachable', { reason: 'no_phone' })).items,
    ).toEqual([])
    await expect(
      b.callAs('demo-safety', 'notify', 'unreachable', { reason: 'nope' }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'input.invalid',
      message: expect.stringContaining('筛选原因'),
    })
  })
})
