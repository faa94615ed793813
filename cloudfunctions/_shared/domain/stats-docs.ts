// The counter documents and how deltas fold into them. Pure: the live write path folds one
// transition's deltas into the documents it read in a transaction; the rebuild folds every one.
import type { CounterDelta, DaySection } from './stats-keys'

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

/** How many hazards are open on a floor right now. */
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

/** The id of a day document. */
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
      days.add(dayId(d.day, HOSPITAL))
      days.add(dayId(d.day, d.buildingId))
    } else floors.add(d.floorId)
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
      bumpDay(set, d.day, HOSPITAL, d.section, d.key, d.by)
      bumpDay(set, d.day, d.buildingId, d.section, d.key, d.by)
    } else {
      const doc = set.open.get(d.floorId) ?? {
        _id: d.floorId,
        buildingId: d.buildingId,
        floorId: d.floorId,
        open: 0,
      }
      doc.open += d.by
      set.open.set(d.floorId, doc)
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
