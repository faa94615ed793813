// Hot counter documents are split into shards: one transition bumps one shard of each document it
// touches (any shard will do: counters are sums), so concurrent acts in the hospital rarely write the
// same document, and a reader sums the shards. Shard 0 keeps the document's own id, so a set folded
// in one piece (a rebuild, a bench) is a valid sharded set.
import { dayId, emptyDay, DAY_SECTIONS, type DayCounters, type OpenCounter } from './docs'

/** How many shards each counter document may have. */
export const SHARDS = 8

const SEP = '#'

/** The id of one shard of a counter document. */
export function shardId(id: string, shard: number): string {
  return shard === 0 ? id : `${id}${SEP}${shard}`
}

/** The id of every shard of a counter document. */
export function shardIds(id: string): string[] {
  return Array.from({ length: SHARDS }, (_, k) => shardId(id, k))
}

/** The counter document a shard belongs to. */
export function logicalId(id: string): string {
  const i = id.indexOf(SEP)
  return i < 0 ? id : id.slice(0, i)
}

/** A shard picked at random for one counting attempt. */
export function anyShard(random: () => number = Math.random): number {
  return Math.min(SHARDS - 1, Math.floor(random() * SHARDS))
}

/** Day (or week) shards summed into one document per day and scope, in first-seen order. */
export function mergeDays(docs: DayCounters[]): DayCounters[] {
  const out = new Map<string, DayCounters>()
  for (const doc of docs) {
    const id = dayId(doc.day, doc.scope)
    let sum = out.get(id)
    if (!sum) out.set(id, (sum = emptyDay(doc.day, doc.scope)))
    for (const s of DAY_SECTIONS)
      for (const [k, v] of Object.entries(doc[s] ?? {})) {
        const next = (sum[s][k] ?? 0) + (v ?? 0)
        if (next === 0) delete sum[s][k]
        else sum[s][k] = next
      }
  }
  return [...out.values()]
}

/** Open-counter shards summed into one counter per floor, building or hospital. */
export function mergeOpen(docs: OpenCounter[]): OpenCounter[] {
  const out = new Map<string, OpenCounter>()
  for (const doc of docs) {
    const id = logicalId(doc._id)
    const sum = out.get(id)
    if (sum) sum.open += doc.open ?? 0
    else out.set(id, { ...doc, _id: id, open: doc.open ?? 0 })
  }
  return [...out.values()]
}
