// One declared index: entries sorted by key tuple, so an equality prefix plus a sort is a range walk,
// not a scan. Writes land in a tail that is merged lazily; stale entries are skipped and compacted.
import { compareTuples, compareValues, getPath } from './compare'
import type { Doc } from '../ejson'

export interface IndexSpec {
  name: string
  keys: Record<string, 1 | -1>
  unique?: boolean
}

interface Entry {
  key: unknown[]
  id: string
}

export class SortedIndex {
  readonly name: string
  readonly fields: string[]
  readonly dirs: number[]
  readonly unique: boolean
  /** True once a document holds an array in an indexed field: equality then needs a scan. */
  multikey = false
  private entries: Entry[] = []
  private tail: Entry[] = []
  private current = new Map<string, Entry>()
  private byUniqueKey = new Map<string, string>()
  private stale = 0

  constructor(spec: IndexSpec) {
    this.name = spec.name
    this.fields = Object.keys(spec.keys)
    this.dirs = this.fields.map((f) => (spec.keys[f] === -1 ? -1 : 1))
    this.unique = Boolean(spec.unique)
  }

  /** The index key of a document. */
  keyOf(doc: Doc): unknown[] {
    return this.fields.map((f) => getPath(doc, f))
  }

  /** For unique indexes: the id already holding this document's key, if it is not `id` itself. */
  conflictFor(id: string, doc: Doc): string | undefined {
    if (!this.unique) return undefined
    const holder = this.byUniqueKey.get(uniqueKeyString(this.keyOf(doc)))
    return holder !== undefined && holder !== id ? holder : undefined
  }

  /** Records the document's (new) key; a no-op when the key did not change. */
  put(id: string, doc: Doc): void {
    const key = this.keyOf(doc)
    if (key.some(Array.isArray)) this.multikey = true
    const old = this.current.get(id)
    if (old && compareTuples(old.key, key, this.dirs) === 0) return
    if (old) this.drop(id, old)
    const entry = { key, id }
    this.current.set(id, entry)
    this.tail.push(entry)
    if (this.unique) this.byUniqueKey.set(uniqueKeyString(key), id)
  }

  /** Forgets a document. */
  delete(id: string): void {
    const old = this.current.get(id)
    if (old) this.drop(id, old)
  }

  private drop(id: string, old: Entry): void {
    this.current.delete(id)
    this.stale++
    if (this.unique) {
      const k = uniqueKeyString(old.key)
      if (this.byUniqueKey.get(k) === id) this.byUniqueKey.delete(k)
    }
  }

  private cmp = (a: Entry, b: Entry): number =>
    compareTuples(a.key, b.key, this.dirs) || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)

  private settle(): void {
    if (this.stale > 1000 && this.stale > this.entries.length / 4) {
      this.entries = this.entries.concat(this.tail).filter((e) => this.current.get(e.id) === e)
      this.entries.sort(this.cmp)
      this.tail = []
      this.stale = 0
      return
    }
    if (this.tail.length === 0) return
    if (this.tail.length < 256) {
      for (const entry of this.tail) this.entries.splice(this.lowerBound(entry), 0, entry)
    } else {
      this.tail.sort(this.cmp)
      this.entries = merge(this.entries, this.tail, this.cmp)
    }
    this.tail = []
  }

  private lowerBound(entry: Entry): number {
    let lo = 0
    let hi = this.entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.cmp(this.entries[mid], entry) < 0) lo = mid + 1
      else hi = mid
    }
    return lo
  }

  private prefixCompare(key: unknown[], eq: unknown[]): number {
    for (let i = 0; i < eq.length; i++) {
      const c = compareValues(key[i], eq[i])
      if (c !== 0) return c * this.dirs[i]
    }
    return 0
  }

  /** Ids whose key starts with `eq`, in index order (or reversed), current entries only. */
  *range(eq: unknown[], reverse: boolean): Generator<string> {
    this.settle()
    const entries = this.entries
    let lo = 0
    let hi = entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.prefixCompare(entries[mid].key, eq) < 0) lo = mid + 1
      else hi = mid
    }
    const start = lo
    hi = entries.length
    while (lo < hi) {
      const mid = (lo + hi) >>> 1
      if (this.prefixCompare(entries[mid].key, eq) <= 0) lo = mid + 1
      else hi = mid
    }
    const end = lo
    if (!reverse) {
      for (let i = start; i < end; i++)
        if (this.current.get(entries[i].id) === entries[i]) yield entries[i].id
    } else {
      for (let i = end - 1; i >= start; i--)
        if (this.current.get(entries[i].id) === entries[i]) yield entries[i].id
    }
  }
}

function uniqueKeyString(key: unknown[]): string {
  return JSON.stringify(
    key.map((v) =>
      Object.prototype.toString.call(v) === '[object Date]'
        ? { $d: (v as Date).getTime() }
        : (v ?? null),
    ),
  )
}

function merge<T>(a: T[], b: T[], cmp: (x: T, y: T) => number): T[] {
  const out = new Array<T>(a.length + b.length)
  let i = 0
  let j = 0
  let k = 0
  while (i < a.length && j < b.length) out[k++] = cmp(a[i], b[j]) <= 0 ? a[i++] : b[j++]
  while (i < a.length) out[k++] = a[i++]
  while (j < b.length) out[k++] = b[j++]
  return out
}
