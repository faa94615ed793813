// `npm run bench:stats` (part of `npm run bench`): stats.summary for a year at 10k and at 1M
// tickets, through the counters (the `stats` function via the emulator's gateway) and through a
// naive aggregate over the tickets: median time and documents read for each.
import type { RunningEmulator } from '../emulator/src/index'
import { startSeededEmulator } from './lib/seeded-emulator'
import type { LogOp } from '../emulator/src/database/journal'
import { emptySet, fold, type CounterSet } from '../cloudfunctions/_shared/stats/domain/docs'
import { counterDeltas, type StatsTicket } from '../cloudfunctions/_shared/stats/domain/keys'
import { summaryOf } from '../cloudfunctions/_shared/stats/service'
import type { Database } from '../cloudfunctions/_shared/runtime/context'
import { buildHospital, CATEGORIES } from './seed/hospital'
import { summarize, timeIt } from './bench-emulator'

const YEAR = { from: '2025-01-01', to: '2025-12-31' }
const T0 = Date.parse('2025-01-01T00:00:00+08:00')
const SPAN = 365 * 86400_000 - 1
const FLOORS = buildHospital().floors.map((f) => ({ id: String(f._id), b: String(f.buildingId) }))

function ticket(i: number, n: number): StatsTicket & { _id: string; status: string } {
  const f = FLOORS[i % FLOORS.length]
  const fixed = i % 8 !== 0
  return {
    _id: `bench-${i}`,
    buildingId: f.b,
    floorId: f.id,
    categoryId: CATEGORIES[i % CATEGORIES.length]._id,
    status: fixed ? 'fixed' : 'closed',
    cycle: 1,
    reporterId: `u-staff-${(i % 11) + 2}`,
    anonymous: false,
    rating: i % 3 === 0 ? 3 + (i % 3) : null,
    deadline: null,
    createdAt: new Date(T0 + Math.floor((i / n) * SPAN)),
  }
}

/** Inserts tickets [from, to) of an n-ticket year and folds their counters into `set`. */
async function load(emu: RunningEmulator, set: CounterSet, from: number, to: number, n: number) {
  for (let i = from; i < to; i += 10_000) {
    const ops: LogOp[] = []
    for (let k = i; k < Math.min(to, i + 10_000); k++) {
      const t = ticket(k, n)
      ops.push({ op: 'put', c: 'tickets', d: { ...t } })
      const at = new Date(t.createdAt)
      const reported = { ...t, status: 'pending' as const, rating: null }
      fold(set, counterDeltas(null, reported, { action: 'create', at }))
      fold(set, counterDeltas(reported, { ...t, rating: null }, { action: 'fix', at }))
    }
    await emu.engine.commit(ops)
  }
}

async function writeCounters(emu: RunningEmulator, set: CounterSet): Promise<number> {
  const ops: LogOp[] = [
    ...[...set.days.values()].map((d): LogOp => ({ op: 'put', c: 'stats_days', d: { ...d } })),
    ...[...set.open.values()].map((d): LogOp => ({ op: 'put', c: 'stats_open', d: { ...d } })),
  ]
  await emu.engine.commit(ops)
  return set.days.size
}

/** A Database whose get() results are counted. */
function counting(db: Database): { db: Database; reads: () => number } {
  let n = 0
  const wrap = (target: object): object =>
    new Proxy(target, {
      get(t, p, r) {
        const v = Reflect.get(t, p, r)
        if (typeof v !== 'function') return v
        if (p === 'get')
          return async (...a: unknown[]) => {
            const res = (await v.apply(t, a)) as { data?: unknown[] }
            n += Array.isArray(res.data) ? res.data.length : 1
            return res
          }
        return (...a: unknown[]) => {
          const out = v.apply(t, a)
          return out && typeof out === 'object' && !(out instanceof Promise) ? wrap(out) : out
        }
      },
    })
  return { db: wrap(db) as Database, reads: () => n }
}

async function naive(db: Database): Promise<number> {
  const _ = db.command
  const $ = _.aggregate
  const res = (await db
    .collection('tickets')
    .aggregate()
    .match({ createdAt: _.gte(new Date(T0)).and(_.lte(new Date(T0 + SPAN))) })
    .group({
      _id: null,
      found: $.sum(1),
      fixedOnSpot: $.sum($.cond([$.eq(['$status', 'fixed']), 1, 0])),
      rated: $.sum($.cond([$.gt(['$rating', 0]), 1, 0])),
      good: $.sum($.cond([$.gte(['$rating', 4]), 1, 0])),
    })
    .end()) as { list: Array<{ found: number }> }
  return res.list[0]?.found ?? 0
}

/** Prints the figures at n tickets; answers the function's median in ms. */
async function run(emu: RunningEmulator, db: Database, n: number): Promise<number> {
  const summary = async (): Promise<void> => {
    const r = (await (
      await fetch(`${emu.url}/fn/stats`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': 'demo-leader' },
        body: JSON.stringify({ action: 'summary', input: YEAR }),
      })
    ).json()) as { ok: boolean; data?: { found: number } }
    if (!r.ok || r.data?.found !== n) throw new Error(`summary wrong: ${JSON.stringify(r)}`)
  }
  // Loading a million documents blocks this process for minutes: the client's pooled connection may
  // be reset when first used again, so the first call may be retried once (it is not measured).
  await summary().catch(summary)
  const viaFunction = await timeIt(30, summary)
  const c = counting(db)
  await summaryOf(c.db, YEAR, null)
  // The same reads from this process through the SDK, without the function invocation around them.
  const direct = await timeIt(30, () => summaryOf(db, YEAR, null))
  let naiveFigure: string
  const started = performance.now()
  try {
    const naiveMs = await timeIt(n > 100_000 ? 3 : 10, async () => {
      if ((await naive(db)) !== n) throw new Error('naive count wrong')
    })
    naiveFigure = summarize(naiveMs)
  } catch (error) {
    const s = ((performance.now() - started) / 1000).toFixed(1)
    naiveFigure = `failed after ${s} s: ${(error as { errMsg?: string }).errMsg ?? String(error)}`
  }
  const label = n >= 1e6 ? '1M' : `${n / 1000}k`
  console.log(
    `stats.summary, a year at ${label.padEnd(3)} counters (function)  ${summarize(viaFunction)} · ${c.reads()} documents read   (goal ≤ 50 ms)`,
  )
  console.log(
    `stats.summary, a year at ${label.padEnd(3)} counters (SDK only)  ${summarize(direct)}`,
  )
  console.log(
    `stats.summary, a year at ${label.padEnd(3)} naive aggregate       ${naiveFigure} · ${n} documents read`,
  )
  return median(viaFunction)
}

/** The median of a list of milliseconds. */
function median(ms: number[]): number {
  const s = [...ms].sort((a, b) => a - b)
  return s[Math.floor(s.length / 2)]
}

async function main(): Promise<void> {
  const { emulator: emu } = await startSeededEmulator()
  Object.assign(process.env, emu.sdkEnv())
  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: emu.envId, timeout: 300_000 } as Parameters<typeof cloud.init>[0])
  const db = cloud.database() as unknown as Database
  console.log('\nStatistics: stats.summary over a year (counters vs a naive aggregate)\n')

  const small = emptySet()
  await load(emu, small, 0, 10_000, 10_000)
  const days = await writeCounters(emu, small)
  const at10k = await run(emu, db, 10_000)

  const big = emptySet()
  // The same year with 1M tickets: the tickets grow 100×, the counter documents do not.
  await emu.engine.commit(
    Array.from({ length: 10_000 }, (_, i): LogOp => ({
      op: 'del',
      c: 'tickets',
      id: `bench-${i}`,
    })),
  )
  await load(emu, big, 0, 1_000_000, 1_000_000)
  const days1m = await writeCounters(emu, big)
  console.log(`  (counter documents: ${days} at 10k, ${days1m} at 1M)`)
  const at1m = await run(emu, db, 1_000_000)
  console.log(
    `stats.summary through the function, 1M / 10k = ${(at1m / at10k).toFixed(2)} at the median   (goal ≤ 1.5)`,
  )
  await emu.stop()
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
