// The story's campaign replayed through the real functions on a manual clock, eight callers at a
// time: the live summary, the weekly bulletin frozen by the timer, and its XLSX carry exactly the
// journal's figures; reopening a ticket afterwards changes the live figures, never the frozen
// bulletin. Access by role.
import ExcelJS from 'exceljs'
import { createManualClock } from '../../emulator/src/clock'
import {
  CAMPAIGN,
  campaignCaptains,
  gatewayCaller,
  grantConsents,
  replayCampaign,
  SAFETY,
} from '../../scripts/seed/campaign'
import type { Bulletin, BulletinHead, Summary } from '../../types/api/stats'
import { rebuildCounters } from '../../cloudfunctions/_shared/stats/rebuild'
import type { Database } from '../../cloudfunctions/_shared/runtime/context'
import { startBackend, type Backend } from './helpers/backend'
import { follow } from './helpers/follow'

// Sunday 2026-03-08 07:00 in Shanghai; the week is Monday 03-02 … Sunday 03-08.
const clock = createManualClock(Date.parse('2026-03-08T07:00:00+08:00'))
const WEEK = { from: '2026-03-02', to: '2026-03-08' }
const LEADER = 'demo-leader'
const CALLERS = 8

describe('stats: the campaign, live and frozen', () => {
  let b: Backend
  let ids: string[]
  beforeAll(async () => {
    b = await startBackend({ seed: true, clock })
    // Captains who can be pushed keep their hazards (no escalation cascade on every report).
    for (const c of campaignCaptains()) await grantConsents(b.url, c, 21)
    ids = await replayCampaign(
      gatewayCaller(b.url),
      (ms) => clock.jump(clock.now() + ms),
      () => new Date(clock.now()),
      'campaign',
      CALLERS,
    )
  }, 300_000)
  afterAll(() => b.stop())

  it('stats.summary answers the campaign figures, as the journal holds them', async () => {
    const s = await b.okAs<Summary>(LEADER, 'stats', 'summary', WEEK)
    let rated = 0
    for (let i = 0; i < ids.length; i += 100) {
      const chunk = ids.slice(i, i + 100)
      const page = (await b.db
        .collection('tickets')
        .where({ _id: b.db.command.in(chunk) })
        .limit(chunk.length)
        .get()) as unknown as { data: Array<{ rating: number | null }> }
      rated += page.data.filter((t) => t.rating !== null).length
    }
    expect(rated).toBe(CAMPAIGN.ratings)
    expect(s.found).toBe(CAMPAIGN.found)
    expect(s.fixedOnSpot).toBe(141)
    expect(s.deferred).toBe(20)
    expect(s.closed).toBe(20)
    expect(s.open).toBe(0)
    expect(s.satisfaction.count).toBe(rated)
    expect(s.satisfaction.rate).toBe(0.9248)
    expect(s.fixedOnSpotRate).toBeCloseTo(141 / 161, 4)
    expect(s.onTimeRate).toBe(1)
    expect(s.trend.find((w) => w.week === '2026-03-02')).toMatchObject({ found: 161 })
    expect(s.topCategories.length).toBeGreaterThan(0)
    expect(s.topFloors[0].count).toBeGreaterThan(0)
  })

  it('stats:rebuild finds no difference after the concurrent campaign', async () => {
    const report = await rebuildCounters(b.db as unknown as Database)
    expect(report.diffs).toEqual([])
    expect(report.uncounted).toEqual([])
    expect(report.gaps).toEqual([])
  }, 60_000)

  it('the timer freezes the weekly report on Monday 08:00 with the same figures and XLSX', async () => {
    expect(
      (await b.okAs<{ items: BulletinHead[] }>(LEADER, 'stats', 'bulletins.list', {})).items,
    ).toEqual([])
    await clock.jump(Date.parse('2026-03-09T08:00:30+08:00'))
    const list = await b.okAs<{ items: BulletinHead[] }>(LEADER, 'stats', 'bulletins.list', {})
    const weekly = list.items.find((x) => x.kind === 'weekly')!
    expect(weekly).toMatchObject({ number: 1, from: WEEK.from, to: WEEK.to })
    expect(weekly.title).toContain('第 1 期')
    const full = await b.okAs<Bulletin>(LEADER, 'stats', 'bulletins.get', { id: weekly.id })
    expect(full.summary).toMatchObject({ found: 161, fixedOnSpot: 141, deferred: 20 })
    expect(full.summary.satisfaction).toMatchObject({ count: 133, rate: 0.9248 })

    const file = await b.okAs<{ fileID: string; url: string }>(
      LEADER,
      'stats',
      'bulletins.export',
      {
        id: weekly.id,
      },
    )
    expect(file.fileID).toMatch(/^cloud:\/\//)
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
    const wb = new ExcelJS.Workbook()
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const rows = new Map<string, ExcelJS.Cell>()
    wb.getWorksheet('概况')!.eachRow((row) => {
      rows.set(String(row.getCell(1).value), row.getCell(2))
    })
    // Numbers as numbers; the rate as a fraction shown as a percentage.
    expect(rows.get('发现隐患')!.value).toBe(161)
    expect(rows.get('立行立改')!.value).toBe(141)
    expect(rows.get('限期整改')!.value).toBe(20)
    expect(rows.get('满意度')!.value).toBe(0.9248)
    expect(rows.get('满意度')!.numFmt).toBe('0.00%')
  })

  it('reopening a ticket today changes the live figures, not last week’s bulletin', async () => {
    // Ticket 150 was deferred and closed; its reporter reopens it within the 7-day window.
    await b.okAs('o-staff-7', 'ticket', 'act', { id: ids[150], action: 'reopen', reason: '又坏了' })
    // As the app does: the act's follow-up call counts it.
    await follow(b, 'o-staff-7', ids[150])
    const live = await b.okAs<Summary>(LEADER, 'stats', 'summary', {
      from: WEEK.from,
      to: '2026-03-09',
    })
    expect(live.reopenRate).toBeGreaterThan(0)
    expect(live.open).toBe(1)
    const weekly = await b.okAs<Bulletin>(LEADER, 'stats', 'bulletins.get', {
      id: `weekly-${WEEK.from}`,
    })
    expect(weekly.summary.reopenRate).toBe(0)
    expect(weekly.summary.open).toBe(0)
  })

  it('a second timer run freezes nothing twice', async () => {
    await clock.jump(Date.parse('2026-03-10T08:00:30+08:00'))
    const list = await b.okAs<{ items: BulletinHead[] }>(LEADER, 'stats', 'bulletins.list', {})
    expect(list.items.filter((x) => x.kind === 'weekly')).toHaveLength(1)
  })

  it.each([
    ['a nurse', 'demo-staff', {}, 'auth.forbidden'],
    ['a floor captain', 'demo-floor-captain', {}, 'auth.forbidden'],
    [
      'a 楼长 asking for another building',
      'demo-building-captain',
      { buildingId: 'B01' },
      'auth.forbidden',
    ],
    ['bad dates', LEADER, { from: '2026-13-01' }, 'input.invalid'],
    ['a range backwards', LEADER, { from: '2026-03-08', to: '2026-03-01' }, 'input.invalid'],
    ['an unknown building', LEADER, { buildingId: 'B99' }, 'input.invalid'],
  ])('refuses %s', async (_name, who, extra, code) => {
    const res = await b.callAs(who, 'stats', 'summary', { ...WEEK, ...extra })
    expect(res).toMatchObject({ ok: false, code })
  })

  it('a 楼长 and a 协管员 see their building; the safety office the hospital', async () => {
    const own = await b.okAs<Summary>('demo-building-captain', 'stats', 'summary', WEEK)
    expect(own.buildingId).toBe('B07')
    expect(own.found).toBeGreaterThan(0)
    expect(own.found).toBeLessThan(161)
    const coord = await b.okAs<Summary>('demo-coordinator', 'stats', 'summary', WEEK)
    expect(coord.found).toBe(own.found)
    const safety = await b.okAs<Summary>(SAFETY, 'stats', 'summary', WEEK)
    expect(safety.found).toBe(161)
    const grid = await b.okAs<{ buildings: Array<{ id: string }> }>(
      'demo-building-captain',
      'stats',
      'grid',
      {},
    )
    expect(grid.buildings.map((x) => x.id)).toEqual(['B07'])
  })

  it('the grid shows the reopened hazard on its floor', async () => {
    const grid = await b.okAs<{
      buildings: Array<{ id: string; open: number; floors: Array<{ id: string; open: number }> }>
    }>(LEADER, 'stats', 'grid', {})
    expect(grid.buildings).toHaveLength(29)
    expect(grid.buildings.reduce((n, x) => n + x.open, 0)).toBe(1)
  })

  it('the leaderboard names reporters of useful reports above the minimum sample', async () => {
    const lb = await b.okAs<{
      reporters: Array<{ name: string; useful: number }>
      captains: Array<{ name: string; responses: number }>
      minSample: number
    }>(LEADER, 'stats', 'leaderboard', WEEK)
    expect(lb.reporters.length).toBeGreaterThan(0)
    expect(lb.reporters.every((r) => r.useful >= lb.minSample)).toBe(true)
    expect(lb.reporters.reduce((n, r) => n + r.useful, 0)).toBeLessThanOrEqual(161)
    expect(lb.captains.length).toBeGreaterThan(0)
  })
})
