// A few months of realistic hazard history for the demo hospital, generated THROUGH THE REAL
// FUNCTIONS on a manual emulator clock: most captains bank consents first (a few never do), nurses
// report on weekdays, floor captains (who consent again as they work) fix most on the spot, some work is deferred and verified by the safety
// office (a few late), reporters rate; the Monday/1st timer freezes bulletins as time passes.
import type { ManualClock } from '../../emulator/src/core'
import { TEMPLATE_IDS } from '../../types/api/notify'
import { gatewayCaller } from './campaign'
import { CATEGORIES } from './hospital'
import { bankedCaptains, consentTemplates, type Banked } from './reach'

const REPORTERS = ['demo-staff', ...Array.from({ length: 11 }, (_, i) => `o-staff-${i + 2}`)]
const SAFETY = 'demo-safety'
const DAY = 86400_000
const MIN = 60_000
/** How many captains bank their consents at once before the history starts. */
const BANK_LANES = 4

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

function captainOf(floorId: string): string {
  return floorId === 'B07F03' ? 'demo-floor-captain' : `o-fc-${floorId}`
}

/** The 楼长 of a floor's building: overdue work climbs to them. */
function buildingCaptainOf(floorId: string): string {
  const code = floorId.slice(0, 3)
  return code === 'B07' ? 'demo-building-captain' : `o-bc-${code}`
}

interface Step {
  at: number
  run: () => Promise<unknown>
}

/** Counts of what the history did. */
export interface HistoryReport {
  reported: number
  fixedOnSpot: number
  deferred: number
  rated: number
  /** Steps the functions refused (should be 0; printed so a regression is seen). */
  failed: number
}

/**
 * Generates history from the clock's time to `until` on a running emulator whose clock is `clock`
 * (which must stand at the history's start). Leaves the clock at `until`.
 */
export async function seedHistory(opts: {
  url: string
  clock: ManualClock
  until: number
  floors: string[]
  seed?: number
  /** Told how many of the history's steps are done, after each one. */
  onProgress?: (done: number, total: number) => void
}): Promise<HistoryReport> {
  // Each step jumps the clock, which fires notify's and the sla's timers: they send, count and
  // screen what earlier steps' answers left, as for a nurse who pockets her phone after 提交.
  const call = gatewayCaller(opts.url, { follow: false })
  const rnd = prng(opts.seed ?? 12)
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]
  const start = opts.clock.now()
  const steps: Step[] = []
  const ids = new Map<number, string>()
  const report: HistoryReport = { reported: 0, fixedOnSpot: 0, deferred: 0, rated: 0, failed: 0 }
  const consent = async (openid: string): Promise<void> => {
    const templateId = TEMPLATE_IDS.assigned
    await fetch(`${opts.url}/_emulator/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds: [templateId] }),
    })
    await call(openid, 'notify', 'consent', {
      results: { [templateId]: 'accept' },
      requestKey: `seed-${openid}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    })
  }
  // Before the first report: most captains have turned reminders on, a few never have. Captains
  // answer their own sheets side by side (BANK_LANES at a time); one captain's rounds are in order.
  const bank = async (b: Banked): Promise<void> => {
    for (let round = 0; round < (b.longTerm ? 1 : b.rounds); round++) {
      const templateIds = consentTemplates(b)
      await fetch(`${opts.url}/_emulator/consent`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ openid: b.openid, templateIds }),
      })
      await call(b.openid, 'notify', 'consent', {
        results: Object.fromEntries(templateIds.map((id) => [id, 'accept'])),
        requestKey: `seed-bank-${b.openid}-${round}`,
      })
    }
  }
  steps.push({
    at: start,
    run: async () => {
      const queue = bankedCaptains(opts.seed ?? 12)
      await Promise.all(
        Array.from({ length: BANK_LANES }, async () => {
          for (let b = queue.shift(); b; b = queue.shift()) await bank(b)
        }),
      )
    },
  })
  const act = (n: number, who: string, input: Record<string, unknown>) => () =>
    call(who, 'ticket', 'act', { id: ids.get(n), ...input })

  let n = 0
  for (let day = start; day < opts.until; day += DAY) {
    const weekday = new Date(day + 8 * 3600_000).getUTCDay()
    const count = weekday === 0 || weekday === 6 ? (rnd() < 0.5 ? 1 : 0) : 2 + Math.floor(rnd() * 3)
    for (let k = 0; k < count; k++) {
      const i = n++
      const at = day + (1 + rnd() * 9) * 3600_000 // 08:00–17:00 when the day starts at 07:00
      if (at >= opts.until) continue
      const floorId = pick(opts.floors)
      const captain = captainOf(floorId)
      const reporter = pick(REPORTERS)
      steps.push({
        at,
        run: async () => {
          await consent(captain)
          const t = await call<{ id: string }>(reporter, 'ticket', 'create', {
            clientKey: `history-${opts.seed ?? 12}-${i}`,
            floorId,
            categoryId: pick(CATEGORIES)._id,
            photos: [await call.photo(reporter)],
            description: pick([
              '通道堆放杂物',
              '插线板串接',
              '地面有积水',
              '灭火器过期',
              '电梯异响',
              '',
            ]),
            anonymous: rnd() < 0.1,
          })
          ids.set(i, t.id)
          report.reported++
        },
      })
      const r = rnd()
      let resolvedAt: number
      let reporterRates = true
      // The captain answers the push within minutes (before the ladder climbs at 15 minutes for an
      // urgent hazard); a fix within 10 minutes needs no separate 受理.
      const accept = (after: number) =>
        steps.push({ at: at + after * MIN, run: act(i, captain, { action: 'accept' }) })
      if (r < 0.86) {
        resolvedAt = at + (5 + rnd() * 175) * MIN
        const quick = rnd() < 0.4
        if (quick || resolvedAt > at + 10 * MIN) accept(quick ? 3 : 4)
        steps.push({
          at: resolvedAt,
          run: async () => {
            await act(i, captain, { action: 'fix', afterPhotos: [await call.photo(captain)] })()
            report.fixedOnSpot++
          },
        })
      } else if (r < 0.96) {
        const deferAt = at + (20 + rnd() * 220) * MIN
        const deadline = deferAt + (2 + Math.floor(rnd() * 5)) * DAY
        const completeAt = deadline + (rnd() < 0.2 ? 1 : -1) * (0.3 + rnd()) * DAY
        resolvedAt = completeAt + (2 + rnd() * 20) * 3600_000
        accept(4)
        steps.push({
          at: deferAt,
          run: async () => {
            await act(i, captain, {
              action: 'defer',
              deadline: new Date(deadline).toISOString(),
              departmentId: pick(['property', 'general-affairs', 'equipment']),
              plan: '联系责任部门限期整改',
            })()
            report.deferred++
          },
        })
        // Work finished after its deadline was handed to the 楼长 when it fell overdue.
        const completer = completeAt > deadline ? buildingCaptainOf(floorId) : captain
        steps.push({
          at: completeAt,
          run: async () =>
            act(i, completer, { action: 'complete', afterPhotos: [await call.photo(completer)] })(),
        })
        steps.push({ at: resolvedAt, run: act(i, SAFETY, { action: 'verify' }) })
      } else {
        resolvedAt = at + 30 * MIN
        reporterRates = false
        accept(4)
        steps.push({
          at: resolvedAt,
          run: act(i, captain, { action: 'reject', reason: '经核实不属于安全隐患' }),
        })
      }
      if (reporterRates && rnd() < 0.8) {
        const g = rnd()
        const rating = g < 0.6 ? 5 : g < 0.9 ? 4 : 1 + Math.floor(rnd() * 3)
        steps.push({
          at: resolvedAt + (1 + rnd() * 30) * 3600_000,
          run: async () => {
            await act(i, reporter, { action: 'confirm', rating })()
            report.rated++
          },
        })
      }
    }
  }
  steps.sort((a, b) => a.at - b.at)
  // Later steps of the last days fall after `until`: those hazards are still open today.
  const due = steps.filter((x) => x.at < opts.until)
  for (const [done, s] of due.entries()) {
    opts.onProgress?.(done, due.length)
    // The step runs at its moment beside the timers that moment fires, as a tap and the minute's
    // sweep do in a hospital (and the two then share the machine's cores). The clock takes up a
    // move a turn after it is asked, so the step waits for the time to reach it, not for the timers.
    const timers = opts.clock.jump(s.at)
    while (opts.clock.now() < s.at) await new Promise((r) => setImmediate(r))
    try {
      await Promise.all([s.run(), timers])
    } catch (error) {
      report.failed++
      if (report.failed <= Number(process.env.HISTORY_SHOW ?? 3))
        console.warn('  history step refused:', (error as Error).message)
    }
  }
  opts.onProgress?.(due.length, due.length)
  await opts.clock.jump(opts.until)
  return report
}
