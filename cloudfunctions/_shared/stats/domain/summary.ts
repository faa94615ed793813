// Shapes day counters into the figures the cockpit and the bulletins show. Pure.
import type { Leaderboard, Summary } from '../../../../types/api/stats'
import type { DayCounters } from './docs'
import { daysBetween, weekStart, type DaySection } from './keys'

/** Display names of categories, floors and people, by id. */
export interface Names {
  categories: ReadonlyMap<string, string>
  floors: ReadonlyMap<string, string>
  users?: ReadonlyMap<string, string>
}

/** The sections of the day documents `summarize` reads. */
export const SUMMARY_SECTIONS: readonly DaySection[] = ['m', 'cat', 'floor']

/** The sections of the day documents `leaderboard` and `leaderboardUserIds` read. */
export const LEADERBOARD_SECTIONS: readonly DaySection[] = ['rep', 'capN', 'capMin', 'capRes']

/** Rankings name only people with at least this many in the period. */
export const MIN_SAMPLE = 3
const TOP = 5

function sumSection(days: DayCounters[], section: keyof DayCounters): Map<string, number> {
  const out = new Map<string, number>()
  for (const d of days)
    for (const [k, v] of Object.entries((d[section] as Record<string, number>) ?? {}))
      out.set(k, (out.get(k) ?? 0) + v)
  return out
}

/** A ratio rounded to 4 places, or null without a denominator. */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? Math.round((n / d) * 10000) / 10000 : null
}

function mean(sum: number, count: number, places = 1): number | null {
  const f = 10 ** places
  return count > 0 ? Math.round((sum / count) * f) / f : null
}

function top(map: Map<string, number>, names: ReadonlyMap<string, string>) {
  return [...map.entries()]
    .filter(([, n]) => n > 0)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, TOP)
    .map(([id, count]) => ({ id, name: names.get(id) ?? id, count }))
}

/** The summary of a period from its day documents (one scope), the open count and names. */
export function summarize(
  days: DayCounters[],
  opts: {
    from: string
    to: string
    buildingId: string | null
    scopeName: string
    open: number
    names: Names
  },
): Summary {
  const m = sumSection(days, 'm')
  const g = (k: string): number => m.get(k) ?? 0
  const weeks = new Map<string, Summary['trend'][number]>()
  for (const day of daysBetween(opts.from, opts.to)) {
    const w = weekStart(day)
    if (!weeks.has(w)) weeks.set(w, { week: w, found: 0, fixedOnSpot: 0, deferred: 0, closed: 0 })
  }
  for (const d of days) {
    const p = weeks.get(d.day.startsWith('W') ? d.day.slice(1) : weekStart(d.day))
    if (!p) continue
    p.found += d.m.reported ?? 0
    p.fixedOnSpot += d.m.fixedOnSpot ?? 0
    p.deferred += d.m.deferred ?? 0
    p.closed += d.m.closed ?? 0
  }
  return {
    from: opts.from,
    to: opts.to,
    buildingId: opts.buildingId,
    scopeName: opts.scopeName,
    found: g('reported'),
    fixedOnSpot: g('fixedOnSpot'),
    fixedOnSpotRate: ratio(g('fixedOnSpot'), g('reported')),
    deferred: g('deferred'),
    closed: g('closed'),
    open: opts.open,
    overdue: g('overdue'),
    onTimeRate: ratio(g('completedOnTime'), g('completed')),
    reopenRate: ratio(g('reopened'), g('resolved')),
    mttaMinutes: mean(g('acceptMinutes'), g('acceptCount')),
    mttrMinutes: mean(g('resolveMinutes'), g('resolveCount')),
    satisfaction: {
      rate: ratio(g('ratingGood'), g('ratingCount')),
      mean: mean(g('ratingSum'), g('ratingCount'), 2),
      count: g('ratingCount'),
    },
    topCategories: top(sumSection(days, 'cat'), opts.names.categories),
    topFloors: top(sumSection(days, 'floor'), opts.names.floors),
    trend: [...weeks.values()],
  }
}

/** The user ids a leaderboard could name (to look their names up). */
export function leaderboardUserIds(days: DayCounters[]): string[] {
  const ids = new Set<string>()
  for (const s of ['rep', 'capN', 'capRes'] as const)
    for (const [k, n] of sumSection(days, s)) if (n >= MIN_SAMPLE) ids.add(k)
  return [...ids]
}

/**
 * Reporters by useful reports (resolved, never anonymous ones) and captains by mean response time,
 * each ranked only at or above MIN_SAMPLE; people without a known name are left out.
 */
export function leaderboard(
  days: DayCounters[],
  range: { from: string; to: string },
  users: ReadonlyMap<string, string>,
): Leaderboard {
  const rep = sumSection(days, 'rep')
  const capN = sumSection(days, 'capN')
  const capMin = sumSection(days, 'capMin')
  const capRes = sumSection(days, 'capRes')
  const reporters = [...rep.entries()]
    .filter(([id, n]) => n >= MIN_SAMPLE && users.has(id))
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, 10)
    .map(([id, useful], i) => ({ rank: i + 1, name: users.get(id)!, useful }))
  const captains = [...capN.entries()]
    .filter(([id, n]) => n >= MIN_SAMPLE && users.has(id))
    .map(([id, n]) => ({
      id,
      responses: n,
      meanResponseMinutes: mean(capMin.get(id) ?? 0, n) ?? 0,
      resolved: capRes.get(id) ?? 0,
    }))
    .sort(
      (a, b) =>
        a.meanResponseMinutes - b.meanResponseMinutes ||
        b.resolved - a.resolved ||
        a.id.localeCompare(b.id),
    )
    .slice(0, 10)
    .map(({ id, ...c }, i) => ({ rank: i + 1, name: users.get(id)!, ...c }))
  return { from: range.from, to: range.to, minSample: MIN_SAMPLE, reporters, captains }
}
