// Counters that cannot drift: every transition the ticket door commits is counted exactly once —
// under 50 concurrent acts on one building, when counting's retries run out (the emulator made to
// conflict every counting commit), and when catch-ups race each other — and stats:rebuild then finds
// no difference.
import { countLeftovers } from '../../cloudfunctions/_shared/stats/catch-up'
import { rebuildCounters } from '../../cloudfunctions/_shared/stats/rebuild'
import type { Database } from '../../cloudfunctions/_shared/runtime/context'
import { CATEGORIES } from '../../scripts/seed/hospital'
import type { Summary } from '../../types/api/stats'
import type { TicketView } from '../../types/api/ticket'
import { OWN_PHOTO as PHOTO, startBackend, type Backend } from './helpers/backend'
import { follow } from './helpers/follow'

const BUILDING = 'B07'
const FLOORS = ['B07F01', 'B07F03', 'B07F04', 'B07F05']
const REPORTERS = ['demo-staff', 'o-staff-2', 'o-staff-3', 'o-staff-4', 'o-staff-5']
const SAFETY = 'demo-safety'
// The still clock's day (2026-11-25 in Shanghai).
const TODAY = { from: '2026-11-25', to: '2026-11-25' }

interface LedgerRow {
  _id: string
  counted?: boolean
}

describe('stats: counting that cannot drift', () => {
  let b: Backend
  let made = 0
  const db = (): Database => b.db as unknown as Database

  /** Reports `n` hazards in the building, `at` a time; their ids in order. */
  const report = async (n: number, at = 10): Promise<string[]> => {
    const ids: string[] = []
    for (let i = 0; i < n; i += at) {
      const batch = Array.from({ length: Math.min(at, n - i) }, () => made++)
      // Each as the app does: answered once committed, then followed (which counts it).
      const views = await Promise.all(
        batch.map(async (k) => {
          const reporter = REPORTERS[k % REPORTERS.length]
          const t = await b.okAs<TicketView>(reporter, 'ticket', 'create', {
            clientKey: `counting-${k}`,
            floorId: FLOORS[k % FLOORS.length],
            categoryId: CATEGORIES[k % CATEGORIES.length]._id,
            photos: [PHOTO],
          })
          return follow(b, reporter, t.id)
        }),
      )
      ids.push(...views.map((v) => v.id))
    }
    return ids
  }
  const fix = async (id: string) => {
    await b.okAs<TicketView>(SAFETY, 'ticket', 'act', { id, action: 'fix', afterPhotos: [PHOTO] })
    return follow(b, SAFETY, id)
  }
  const summary = (buildingId?: string) =>
    b.okAs<Summary>(SAFETY, 'stats', 'summary', { ...TODAY, buildingId })
  const ledger = async (ids: string[]): Promise<LedgerRow[]> =>
    (
      (await b.db
        .collection('stats_applied')
        .where({ _id: b.db.command.in(ids) })
        .limit(ids.length)
        .get()) as unknown as { data: LedgerRow[] }
    ).data
  const expectNoDrift = async (): Promise<void> => {
    const report = await rebuildCounters(db())
    expect(report.diffs).toEqual([])
    expect(report.uncounted).toEqual([])
    expect(report.unjournaled).toEqual([])
    expect(report.gaps).toEqual([])
  }

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 120_000)
  afterAll(() => b.stop())

  it('50 concurrent acts on one building are each counted once', async () => {
    const ids = await report(50)
    const started = performance.now()
    await Promise.all(ids.map(fix))
    console.log(`50 concurrent fixes on ${BUILDING}: ${Math.round(performance.now() - started)} ms`)
    for (const scope of [BUILDING, undefined]) {
      const s = await summary(scope)
      expect(s).toMatchObject({ found: 50, fixedOnSpot: 50, open: 0 })
    }
    await expectNoDrift()
    // The hospital's day counter took the acts in several shards, not one document.
    const shards = (await b.db
      .collection('stats_days')
      .where({ scope: 'all', day: TODAY.from })
      .get()) as unknown as { data: unknown[] }
    expect(shards.data.length).toBeGreaterThan(1)
  }, 180_000)

  it('a transition whose counting ran out of retries is counted by the next minute, once', async () => {
    const release = b.emulator.engine.contend('stats_days')
    let id: string
    try {
      ;[id] = await report(1)
      await fix(id)
    } finally {
      release()
    }
    const events = [`${id}:1`, `${id}:2`]
    expect((await ledger(events)).map((r) => r.counted)).toEqual([false, false])
    expect(await summary()).toMatchObject({ found: 50, fixedOnSpot: 50 })
    expect((await rebuildCounters(db())).uncounted.sort()).toEqual(events.sort())

    await b.clock.advance(60_000)
    expect((await ledger(events)).map((r) => r.counted)).toEqual([true, true])
    expect(await summary()).toMatchObject({ found: 51, fixedOnSpot: 51, open: 0 })
    await expectNoDrift()

    // Later catch-ups find nothing left to count.
    await b.clock.advance(60_000)
    expect(await summary()).toMatchObject({ found: 51, fixedOnSpot: 51, open: 0 })
    await expectNoDrift()
  }, 120_000)

  it('catch-ups racing each other count each left-over transition exactly once', async () => {
    const release = b.emulator.engine.contend('stats_open')
    try {
      await report(6, 6)
    } finally {
      release()
    }
    expect((await rebuildCounters(db())).uncounted).toHaveLength(6)
    const runs = await Promise.all([1, 2, 3].map(() => countLeftovers(db())))
    expect(runs.reduce((n, r) => n + r.counted, 0)).toBe(6)
    expect(runs.reduce((n, r) => n + r.failed, 0)).toBe(0)
    expect(await summary()).toMatchObject({ found: 57, open: 6 })
    await expectNoDrift()
  }, 120_000)
})
