// The counter documents and how deltas fold into them. Pure: the live write path folds one
// transition's deltas into the documents it read in a transaction; the rebuild folds every one.
import { weekStart, type CounterDelta, type DaySection } from './keys'

/** `all` (the hospital) or a building id. */
export type Scope = string
export const HOSPITAL: Scope = 'all'

/** One day's counters for one scope. */
export interface DayCounters {
  _id: string
  day: string
  scope: Scope
  m: Record<string, number>
  cat: Record<string, number>
  floor: Record<string, number>
  rep: Record<string, number>
  capN: Record<string, number>
  capMin: Record<string, number>
  capRes: Record<string, number>
}

/** The id of the open counter of the hospital or of a building (beside the floors' own). */
export function openTotalId(buildingId: string | null): string {
  return buildingId ? `_b:${buildingId}` : '_all'
}

function openIds(buildingId: string, floorId: string): string[] {
  return [floorId, openTotalId(buildingId), openTotalId(null)]
}

/** The whole weeks (Monday keys) and the edge days that exactly cover [from, to]. */
export function coverRange(
  from: string,
  to: string,
): { weeks: [string, string] | null; days: Array<[string, string]> } {
  const DAY = 86400_000
  const ms = (d: string): number => Date.parse(`${d}T00:00:00Z`)
  const iso = (t: number): string => new Date(t).toISOString().slice(0, 10)
  const firstMonday = weekStart(from) === from ? from : iso(ms(weekStart(from)) + 7 * DAY)
  const lastSunday = iso(ms(weekStart(to)) + 6 * DAY) === to ? to : iso(ms(weekStart(to)) - DAY)
  if (ms(firstMonday) > ms(lastSunday)) return { weeks: null, days: [[from, to]] }
  const days: Array<[string, string]> = []
  if (ms(from) < ms(firstMonday)) days.push([from, iso(ms(firstMonday) - DAY)])
  if (ms(lastSunday) < ms(to)) days.push([iso(ms(lastSunday) + DAY), to])
  return { weeks: [`W${firstMonday}`, `W${iso(ms(lastSunday) - 6 * DAY)}`], days }
}

/** How many hazards are open right now on a floor (or, `floorId` empty, a building or the hospital). */
export interface OpenCounter {
  _id: string
  buildingId: string
  floorId: string
  open: number
}

export const DAY_SECTIONS: readonly DaySection[] = [
  'm',
  'cat',
  'floor',
  'rep',
  'capN',
  'capMin',
  'capRes',
]

/**
 * The key of the week document a day also counts into: `W` + its Monday. Week documents live
 * beside the day documents (same shape; `W` sorts after digits, so day ranges never include
 * them) and let a year be read as ~52 weeks plus the edge days instead of 365 days.
 */
export function weekKey(day: string): string {
  return `W${weekStart(day)}`
}

/** The id of a day (or week) document. */
export function dayId(day: string, scope: Scope): string {
  return `${day}|${scope}`
}

/** An all-zero day document. */
export function emptyDay(day: string, scope: Scope): DayCounters {
  return {
    _id: dayId(day, scope),
    day,
    scope,
    m: {},
    cat: {},
    floor: {},
    rep: {},
    capN: {},
    capMin: {},
    capRes: {},
  }
}

/** The counter documents a set of deltas touches: day ids and floor ids. */
export function touchedIds(deltas: CounterDelta[]): { days: string[]; floors: string[] } {
  const days = new Set<string>()
  const floors = new Set<string>()
  for (const d of deltas) {
    if (d.kind === 'day') {
      for (const key of [d.day, weekKey(d.day)]) {
        days.add(dayId(key, HOSPITAL))
        days.add(dayId(key, d.buildingId))
      }
    } else for (const id of openIds(d.buildingId, d.floorId)) floors.add(id)
  }
  return { days: [...days], floors: [...floors] }
}

/** Counter documents by id, folded in memory. */
export interface CounterSet {
  days: Map<string, DayCounters>
  open: Map<string, OpenCounter>
}

/** An empty set. */
export function emptySet(): CounterSet {
  return { days: new Map(), open: new Map() }
}

function bumpDay(
  set: CounterSet,
  day: string,
  scope: Scope,
  section: DaySection,
  key: string,
  by: number,
): void {
  const id = dayId(day, scope)
  let doc = set.days.get(id)
  if (!doc) set.days.set(id, (doc = emptyDay(day, scope)))
  const bucket = doc[section]
  const next = (bucket[key] ?? 0) + by
  if (next === 0) delete bucket[key]
  else bucket[key] = next
}

/** Adds deltas to the documents in `set`, creating the ones missing. */
export function fold(set: CounterSet, deltas: CounterDelta[]): CounterSet {
  for (const d of deltas) {
    if (d.kind === 'day') {
      for (const key of [d.day, weekKey(d.day)]) {
        bumpDay(set, key, HOSPITAL, d.section, d.key, d.by)
        bumpDay(set, key, d.buildingId, d.section, d.key, d.by)
      }
    } else {
      for (const id of openIds(d.buildingId, d.floorId)) {
        const doc = set.open.get(id) ?? {
          _id: id,
          buildingId: id === '_all' ? '' : d.buildingId,
          floorId: id === d.floorId ? d.floorId : '',
          open: 0,
        }
        doc.open += d.by
        set.open.set(id, doc)
      }
    }
  }
  return set
}

/** A document's counters with zeros dropped, for comparing a live document with a recount. */
export function normalizeDay(doc: Partial<DayCounters> & { _id: string }): DayCounters {
  const [day, scope] = doc._id.split('|')
  const out = emptyDay(doc.day ?? day, doc.scope ?? scope)
  for (const s of DAY_SECTIONS)
    for (const [k, v] of Object.entries(doc[s] ?? {})) if (v) out[s][k] = v
  return out
}
