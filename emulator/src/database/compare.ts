// A total order over stored values, Mongo-style, shared by indexes and in-memory sorts.
const RANK = {
  undefined: 0,
  null: 1,
  number: 2,
  string: 3,
  object: 4,
  array: 5,
  boolean: 6,
  date: 7,
  regexp: 8,
}

// Tags, not instanceof: values cloned by structuredClone can come from another realm (e.g. under jest).
const tag = (v: unknown): string => Object.prototype.toString.call(v)

function rank(v: unknown): number {
  if (v === undefined) return RANK.undefined
  if (v === null) return RANK.null
  if (typeof v === 'number' || typeof v === 'bigint') return RANK.number
  if (typeof v === 'string') return RANK.string
  if (typeof v === 'boolean') return RANK.boolean
  if (tag(v) === '[object Date]') return RANK.date
  if (tag(v) === '[object RegExp]') return RANK.regexp
  if (Array.isArray(v)) return RANK.array
  return RANK.object
}

/** Compares two values: negative, zero or positive. */
export function compareValues(a: unknown, b: unknown): number {
  const ra = rank(a)
  const rb = rank(b)
  if (ra !== rb) return ra - rb
  switch (ra) {
    case RANK.number:
      return Number(a) - Number(b)
    case RANK.string:
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
    case RANK.boolean:
      return Number(a) - Number(b)
    case RANK.date:
      return (a as Date).getTime() - (b as Date).getTime()
    case RANK.undefined:
    case RANK.null:
      return 0
    default: {
      const sa = JSON.stringify(a)
      const sb = JSON.stringify(b)
      return sa < sb ? -1 : sa > sb ? 1 : 0
    }
  }
}

/** Compares two key tuples field by field, each with its direction (1 or -1). */
export function compareTuples(a: unknown[], b: unknown[], directions: number[]): number {
  for (let i = 0; i < directions.length; i++) {
    const c = compareValues(a[i], b[i])
    if (c !== 0) return c * directions[i]
  }
  return 0
}

/** Reads a dotted path from a document. */
export function getPath(doc: unknown, path: string): unknown {
  let cur: unknown = doc
  for (const part of path.split('.')) {
    if (cur === null || typeof cur !== 'object') return undefined
    cur = (cur as Record<string, unknown>)[part]
  }
  return cur
}
