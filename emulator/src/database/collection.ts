// One collection in memory: documents by id, declared indexes kept in step, and a query planner
// that walks an index when one serves the filter's equality prefix and the sort.
import { Query } from 'mingo'
import { cloneValue } from './clone'
import { compareValues, getPath } from './compare'
import { SortedIndex, type IndexSpec } from './sorted-index'
import type { Doc } from '../ejson'

export type SortSpec = Record<string, 1 | -1>

export interface FindOptions {
  sort?: SortSpec
  skip?: number
  limit?: number
  projection?: Record<string, unknown>
}

export interface Plan {
  kind: 'id' | 'index' | 'scan'
  index?: SortedIndex
  eq?: unknown[]
  reverse?: boolean
  servesSort?: boolean
}

export class Collection {
  readonly docs = new Map<string, Doc>()
  readonly revs = new Map<string, number>()
  readonly indexes: SortedIndex[]

  constructor(
    readonly name: string,
    specs: IndexSpec[],
    private readonly warn: (key: string, message: string) => void,
  ) {
    this.indexes = specs.map((s) => new SortedIndex(s))
  }

  /** The current revision of a document id (0 when it never existed). */
  rev(id: string): number {
    return this.revs.get(id) ?? 0
  }

  /** The index that would hold `doc` back because of a unique key, if any. */
  uniqueConflict(id: string, doc: Doc): SortedIndex | undefined {
    return this.indexes.find((ix) => ix.conflictFor(id, doc) !== undefined)
  }

  /** Stores a document (insert or replace), keeping indexes in step. */
  put(doc: Doc): void {
    const id = String(doc._id)
    this.docs.set(id, doc)
    this.revs.set(id, this.rev(id) + 1)
    for (const ix of this.indexes) ix.put(id, doc)
  }

  /** Deletes a document by id. */
  delete(id: string): boolean {
    if (!this.docs.delete(id)) return false
    this.revs.set(id, this.rev(id) + 1)
    for (const ix of this.indexes) ix.delete(id)
    return true
  }

  /** Chooses how to answer a query: by id, by an index range, or by a scan. */
  plan(query: Doc, sort: SortSpec = {}): Plan {
    const eq = equalities(query)
    if (eq.has('_id') && isScalar(eq.get('_id'))) return { kind: 'id', eq: [eq.get('_id')] }
    const idIn = (query._id as { $in?: unknown[] } | undefined)?.$in
    if (Array.isArray(idIn) && idIn.every(isScalar)) return { kind: 'id', eq: idIn }
    const sortKeys = Object.keys(sort)
    let best: Plan | undefined
    let bestScore = 0
    for (const ix of this.indexes) {
      if (ix.multikey) continue
      let k = 0
      while (k < ix.fields.length && eq.has(ix.fields[k])) k++
      const rest = ix.fields.slice(k, k + sortKeys.length)
      let servesSort = sortKeys.length === 0
      let reverse = false
      if (
        sortKeys.length > 0 &&
        rest.length === sortKeys.length &&
        rest.every((f, i) => f === sortKeys[i])
      ) {
        const same = sortKeys.every((f, i) => sort[f] === ix.dirs[k + i])
        const opposite = sortKeys.every((f, i) => sort[f] === -ix.dirs[k + i])
        servesSort = same || opposite
        reverse = !same && opposite
      }
      // A range on the field after the equalities is served by the index too, as in production.
      const rangesNext = k < ix.fields.length && topLevelFields(query).includes(ix.fields[k])
      const score = k * 2 + (servesSort && sortKeys.length > 0 ? 1 : 0) + (rangesNext ? 1 : 0)
      if (score > bestScore) {
        bestScore = score
        best = {
          kind: 'index',
          index: ix,
          eq: ix.fields.slice(0, k).map((f) => eq.get(f)),
          reverse,
          servesSort,
        }
      }
    }
    if (best) return best
    // Production always keeps an index on `_id`: reading in `_id` order (paging to the end) is served.
    const byIdOnly =
      sortKeys.every((k) => k === '_id') && topLevelFields(query).every((k) => k === '_id')
    if (
      !byIdOnly &&
      !this.name.startsWith('_emu_') &&
      (Object.keys(query).length > 0 || sortKeys.length > 0)
    ) {
      const fields = [...new Set([...topLevelFields(query), ...sortKeys])].sort()
      this.warn(
        `${this.name}:${fields.join(',')}`,
        `[emulator] no declared index serves a query on "${this.name}" by (${fields.join(', ')}); it scans ${this.docs.size} documents — declare one in database/collections/${this.name}.json`,
      )
    }
    return { kind: 'scan' }
  }

  /** Documents matching a Mongo query, sorted, paged and projected. */
  find(query: Doc, opts: FindOptions = {}): Doc[] {
    const sort = opts.sort ?? {}
    const skip = opts.skip ?? 0
    const limit = opts.limit ?? Infinity
    const matcher = new Query(query)
    const plan = this.plan(query, sort)
    let matched: Doc[] = []
    if (plan.kind === 'id') {
      for (const id of new Set(plan.eq!.map(String))) {
        const doc = this.docs.get(id)
        if (doc && matcher.test(doc)) matched.push(doc)
      }
      sortDocs(matched, sort)
    } else if (plan.kind === 'index') {
      const stopAt = plan.servesSort ? skip + limit : Infinity
      for (const id of plan.index!.range(plan.eq!, Boolean(plan.reverse))) {
        const doc = this.docs.get(id)
        if (doc && matcher.test(doc)) {
          matched.push(doc)
          if (matched.length >= stopAt) break
        }
      }
      if (!plan.servesSort) sortDocs(matched, sort)
    } else {
      for (const doc of this.docs.values()) if (matcher.test(doc)) matched.push(doc)
      sortDocs(matched, sort)
    }
    matched = matched.slice(skip, limit === Infinity ? undefined : skip + limit)
    return opts.projection ? matched.map((d) => project(d, opts.projection!)) : matched
  }

  /** How many documents match. */
  count(query: Doc): number {
    if (Object.keys(query).length === 0) return this.docs.size
    return this.find(query).length
  }
}

/** Sorts documents in place by a sort spec. */
export function sortDocs(docs: Doc[], sort: SortSpec): void {
  const keys = Object.keys(sort)
  if (keys.length === 0) return
  docs.sort((a, b) => {
    for (const k of keys) {
      const c = compareValues(getPath(a, k), getPath(b, k))
      if (c !== 0) return c * sort[k]
    }
    return 0
  })
}

function isScalar(v: unknown): boolean {
  return (
    v === null ||
    ['string', 'number', 'boolean'].includes(typeof v) ||
    Object.prototype.toString.call(v) === '[object Date]'
  )
}

function equalities(query: Doc): Map<string, unknown> {
  const out = new Map<string, unknown>()
  const visit = (q: Doc): void => {
    for (const [k, v] of Object.entries(q)) {
      if (k === '$and' && Array.isArray(v)) {
        v.forEach((sub) => sub && typeof sub === 'object' && visit(sub as Doc))
      } else if (!k.startsWith('$')) {
        if (isScalar(v)) out.set(k, v)
        else if (v && typeof v === 'object' && !(v instanceof RegExp)) {
          const ops = v as Doc
          if (Object.keys(ops).length === 1 && '$eq' in ops && isScalar(ops.$eq))
            out.set(k, ops.$eq)
        }
      }
    }
  }
  visit(query)
  return out
}

function topLevelFields(query: Doc): string[] {
  const out: string[] = []
  for (const [k, v] of Object.entries(query)) {
    if ((k === '$and' || k === '$or') && Array.isArray(v))
      v.forEach((s) => out.push(...topLevelFields(s as Doc)))
    else if (!k.startsWith('$')) out.push(k)
  }
  return out
}

/** Applies an inclusion or exclusion projection on (dotted) fields. */
export function project(doc: Doc, projection: Record<string, unknown>): Doc {
  const entries = Object.entries(projection)
  const including = entries.some(([k, v]) => k !== '_id' && (v === 1 || v === true))
  if (!including) {
    const out = cloneValue(doc)
    for (const [k, v] of entries) if (v === 0 || v === false) unsetPath(out, k)
    return out
  }
  const out: Doc = {}
  if (projection._id !== 0 && projection._id !== false) out._id = doc._id
  for (const [k, v] of entries) {
    if (k === '_id' || !(v === 1 || v === true)) continue
    const value = getPath(doc, k)
    if (value !== undefined) setPath(out, k, value)
  }
  return out
}

function setPath(obj: Doc, path: string, value: unknown): void {
  const parts = path.split('.')
  let cur: Doc = obj
  for (const p of parts.slice(0, -1)) {
    if (!cur[p] || typeof cur[p] !== 'object') cur[p] = {}
    cur = cur[p] as Doc
  }
  cur[parts[parts.length - 1]] = value
}

function unsetPath(obj: Doc, path: string): void {
  const parts = path.split('.')
  let cur: unknown = obj
  for (const p of parts.slice(0, -1)) {
    if (!cur || typeof cur !== 'object') return
    cur = (cur as Doc)[p]
  }
  if (cur && typeof cur === 'object') delete (cur as Doc)[parts[parts.length - 1]]
}
