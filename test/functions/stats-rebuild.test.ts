// A randomized run of thousands of transition attempts through the real functions — concurrent
// conflicting acts, refusals, retried creates and acts, reopenings — then the live counters must
// equal stats:rebuild's recount exactly; a tampered counter is found and repaired.
import { rebuildCounters } from '../../cloudfunctions/_shared/stats/rebuild'
import { logicalId } from '../../cloudfunctions/_shared/stats/domain/shards'
import type { Database } from '../../cloudfunctions/_shared/runtime/context'
import { CATEGORIES } from '../../scripts/seed/hospital'
import type { TicketView } from '../../types/api/ticket'
import { TEMPLATE_IDS } from '../../types/api/notify'
import { OWN_PHOTO as PHOTO, startBackend, type Backend } from './helpers/backend'

// A small deterministic PRNG so a failure can be replayed.
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const REPORTERS = ['demo-staff', 'o-staff-2', 'o-staff-3', 'o-staff-4']
const FLOORS = ['B07F03', 'B07F04', 'B07F01', 'B01F02']
const HANDLERS = [
  'demo-safety',
  'demo-floor-captain',
  'demo-coordinator',
  'demo-building-captain',
  'o-fc-B07F04',
]
const SEED = Number(process.env.STATS_SEED ?? 20261125)

function inputFor(
  action: string,
  rnd: () => number,
  other: string,
  now: number,
): Record<string, unknown> {
  switch (action) {
    case 'fix':
    case 'complete':
      return { afterPhotos: [PHOTO] }
    case 'defer':
      return {
        // Some deadlines pass before completion: those count as overdue.
        deadline: new Date(now + (rnd() < 0.3 ? 400 : 86400_000)).toISOString(),
        departmentId: 'property',
        plan: '限期整改',
      }
    case 'confirm':
      return { rating: 1 + Math.floor(rnd() * 5) }
    case 'transfer':
      return { targetFloorId: FLOORS[Math.floor(rnd() * FLOORS.length)], reason: '转办' }
    case 'duplicate':
      return { duplicateOf: other, reason: '重复' }
    case 'accept':
    case 'verify':
    case 'support':
      return {}
    default:
      return { reason: '原因' }
  }
}

describe('stats: live counters equal the recount after a randomized run', () => {
  let b: Backend
  const attempts = { ok: 0, refused: 0, conflicts: 0, retries: 0 }
  beforeAll(async () => {
    b = await startBackend({ seed: true })
    // Captains who can be pushed keep their tickets (no escalation cascade on every report).
    for (const floorId of FLOORS) {
      const openid = floorId === 'B07F03' ? 'demo-floor-captain' : `o-fc-${floorId}`
      for (let i = 0; i < 30; i++) {
        await fetch(`${b.url}/_emulator/consent`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ openid, templateIds: [TEMPLATE_IDS.assigned] }),
        })
        await b.okAs(openid, 'notify', 'consent', {
          results: { [TEMPLATE_IDS.assigned]: 'accept' },
          requestKey: `rebuild-${openid}-${i}`,
        })
      }
    }
  }, 120_000)
  afterAll(() => b.stop())

  it('runs thousands of transition attempts', async () => {
    const rnd = prng(SEED)
    const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
    const ids: string[] = []
    const create = async (i: number): Promise<void> => {
      const input = {
        clientKey: `random-${SEED}-${i}`,
        floorId: pick(FLOORS),
        categoryId: pick(CATEGORIES)._id,
        photos: [PHOTO],
        anonymous: rnd() < 0.2,
      }
      const who = pick(REPORTERS)
      // Retries of the same create (same client key) run side by side: one ticket, counted once.
      const copies = rnd() < 0.3 ? 2 : 1
      const res = await Promise.all(
        Array.from({ length: copies }, () => b.callAs<TicketView>(who, 'ticket', 'create', input)),
      )
      attempts.retries += copies - 1
      const made = res.find((r) => r.ok)
      if (made?.ok && !ids.includes(made.data.id)) {
        ids.push(made.data.id)
        attempts.ok++
      }
    }
    const act = async (id: string): Promise<void> => {
      const view = await b.callAs<TicketView>('demo-safety', 'ticket', 'get', { id })
      if (!view.ok) return
      const t = view.data
      const options = [
        'accept',
        'fix',
        'defer',
        'complete',
        'verify',
        'sendBack',
        'transfer',
        'escalate',
        'reject',
        'duplicate',
        'confirm',
        'reopen',
        'support',
      ]
      const action = rnd() < 0.7 && t.allowedActions.length ? pick(t.allowedActions) : pick(options)
      const input = {
        id,
        action,
        version: t.version,
        ...inputFor(action, rnd, pick(ids), b.clock.now()),
      }
      // Reporter actions go to every reporter (only the real one may); others to two handlers at
      // once, with the same version: at most one wins, the other conflicts or is refused.
      const actors =
        action === 'confirm' || action === 'reopen'
          ? REPORTERS
          : action === 'support'
            ? [pick(REPORTERS), pick(HANDLERS)]
            : [pick(HANDLERS), pick(HANDLERS)]
      const res = await Promise.all(actors.map((who) => b.callAs(who, 'ticket', 'act', input)))
      for (const r of res) {
        if (r.ok) attempts.ok++
        else if (r.code === 'ticket.conflict') attempts.conflicts++
        else attempts.refused++
      }
    }
    for (let i = 0; i < 60; i += 6)
      await Promise.all(Array.from({ length: 6 }, (_, k) => create(i + k)))
    const WORKERS = 4
    const ROUNDS = 150
    await Promise.all(
      Array.from({ length: WORKERS }, async () => {
        for (let r = 0; r < ROUNDS; r++) {
          if (rnd() < 0.02) await create(1000 + Math.floor(rnd() * 1e9))
          else await act(pick(ids))
          // A second per round: short deadlines pass and the timers sweep as work goes on.
          await b.clock.advance(1000)
        }
      }),
    )
    const total = attempts.ok + attempts.refused + attempts.conflicts
    console.log(`randomized run (seed ${SEED}):`, attempts, 'tickets', ids.length)
    expect(total).toBeGreaterThan(1000)
    expect(attempts.ok).toBeGreaterThan(200)
    expect(attempts.conflicts + attempts.refused).toBeGreaterThan(100)
  }, 600_000)

  it('the live counters equal stats:rebuild exactly, once the minute’s catch-up has run', async () => {
    await b.clock.advance(60_000)
    const report = await rebuildCounters(b.db as unknown as Database)
    if (report.diffs.length || report.uncounted.length || report.gaps.length)
      console.log(
        'diffs',
        report.diffs.slice(0, 20),
        'uncounted',
        report.uncounted,
        'gaps',
        report.gaps,
      )
    expect(report.diffs).toEqual([])
    expect(report.uncounted).toEqual([])
    expect(report.unjournaled).toEqual([])
    expect(report.gaps).toEqual([])
    expect(report.transitions).toBeGreaterThan(200)
  }, 120_000)

  it('finds a tampered counter and repairs it', async () => {
    const day = (await b.db.collection('stats_days').limit(1).get()) as unknown as {
      data: Array<{ _id: string; m: Record<string, number> }>
    }
    const doc = day.data[0]
    await b.db
      .collection('stats_days')
      .doc(doc._id)
      .update({ data: { m: { reported: (doc.m.reported ?? 0) + 7 } } })
    const found = await rebuildCounters(b.db as unknown as Database, true)
    expect(found.diffs).toEqual([
      // A shard's difference is reported on the counter it belongs to.
      expect.objectContaining({ doc: `stats_days/${logicalId(doc._id)}`, field: 'm.reported' }),
    ])
    expect(found.repaired).toBe(true)
    expect((await rebuildCounters(b.db as unknown as Database)).diffs).toEqual([])
  }, 120_000)
})
