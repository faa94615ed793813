// The database: collections in memory, every committed write in the journal first, single-document
// transactions with conflict detection. All writes of one request commit as one journal batch.
import { Aggregator } from 'mingo'
import { update as applyUpdate } from 'mingo/updater'
import { randomHex } from '../random-hex'
import { cloneValue } from './clone'
import { Collection, type FindOptions } from './collection'
import { Journal, type LogOp } from './journal'
import type { CollectionSpec } from './schema'
import { CloudError, type Doc } from '../ejson'

export interface EngineOptions {
  journalPath?: string
  specs: CollectionSpec[]
  now: () => number
  log: (message: string) => void
}

/** A pending single-document write inside a transaction. */
type TxWrite = { c: string; id: string; doc: Doc | null }

interface Transaction {
  id: string
  reads: Map<string, number>
  writes: Map<string, TxWrite>
  startedAt: number
}

const MAX_TX_AGE_MS = 30_000

/** Every collection's documents at one moment (deep copies, never shared with the live store). */
export type EngineSnapshot = ReadonlyMap<string, readonly Doc[]>

export class Engine {
  private readonly collections = new Map<string, Collection>()
  private readonly specs = new Map<string, CollectionSpec>()
  private readonly journal?: Journal
  private readonly warned = new Set<string>()
  private readonly transactions = new Map<string, Transaction>()
  private readonly contended = new Map<string, number>()

  constructor(private readonly opts: EngineOptions) {
    for (const spec of opts.specs) this.specs.set(spec.name, spec)
    if (opts.journalPath) this.journal = new Journal(opts.journalPath)
  }

  /** Runs a bulk load with the journal's syncs deferred to one at its end (see Journal.setDurable). */
  async bulk<T>(load: () => Promise<T>): Promise<T> {
    await this.journal?.setDurable(false)
    try {
      return await load()
    } finally {
      await this.journal?.setDurable(true)
    }
  }

  /** Replays the journal, creates declared collections, compacts when the log has grown. */
  async open(): Promise<void> {
    if (this.journal) {
      this.journal.replay((ops) => this.applyOps(ops))
      const live = [...this.collections.values()].reduce((n, c) => n + c.docs.size, 0)
      if (this.journal.lines > 2 * (live / 1000 + this.collections.size) + 1000) this.compact()
      await this.journal.open()
    }
    const missing = [...this.specs.keys()].filter((n) => !this.collections.has(n))
    if (missing.length) await this.commit(missing.map((c) => ({ op: 'create', c })))
  }

  /** Snapshot of every collection as a fresh log. */
  compact(): void {
    if (!this.journal) return
    const batches: LogOp[][] = []
    for (const coll of this.collections.values()) {
      batches.push([{ op: 'create', c: coll.name }])
      let batch: LogOp[] = []
      for (const doc of coll.docs.values()) {
        batch.push({ op: 'put', c: coll.name, d: doc })
        if (batch.length === 1000) {
          batches.push(batch)
          batch = []
        }
      }
      if (batch.length) batches.push(batch)
    }
    this.journal.rewrite(batches)
  }

  /** A copy of every collection and its documents. */
  snapshot(): EngineSnapshot {
    return new Map(
      [...this.collections.values()].map((c) => [c.name, [...c.docs.values()].map(cloneValue)]),
    )
  }

  /**
   * Puts every collection back as `snap` holds it (indexes rebuilt; a journal is rewritten to
   * match); open transactions and contention end, as they would across a restart.
   */
  restore(snap: EngineSnapshot): void {
    this.collections.clear()
    this.transactions.clear()
    this.contended.clear()
    for (const [name, docs] of snap) {
      const coll = this.ensure(name)
      for (const doc of docs) coll.put(cloneValue(doc))
    }
    this.compact()
  }

  async close(): Promise<void> {
    await this.journal?.close()
  }

  /** Names of existing collections. */
  collectionNames(): string[] {
    return [...this.collections.keys()]
  }

  private warnOnce = (key: string, message: string): void => {
    if (this.warned.has(key)) return
    this.warned.add(key)
    this.opts.log(message)
  }

  private ensure(name: string): Collection {
    let coll = this.collections.get(name)
    if (!coll) {
      coll = new Collection(name, this.specs.get(name)?.indexes ?? [], this.warnOnce)
      this.collections.set(name, coll)
    }
    return coll
  }

  /** The collection, or production's error when it does not exist. */
  get(name: string): Collection {
    if (typeof name !== 'string' || !name)
      throw new CloudError('INVALID_PARAM', 'collectionName is required')
    const coll = this.collections.get(name)
    if (!coll)
      throw new CloudError('DATABASE_COLLECTION_NOT_EXIST', `Db or Table not exist: ${name}`)
    return coll
  }

  has(name: string): boolean {
    return this.collections.has(name)
  }

  private applyOps(ops: LogOp[]): void {
    for (const op of ops) {
      if (op.op === 'create') this.ensure(op.c)
      else if (op.op === 'drop') this.collections.delete(op.c)
      else if (op.op === 'put') this.ensure(op.c).put(op.d)
      else if (op.op === 'del') this.collections.get(op.c)?.delete(op.id)
    }
  }

  /** Checks unique indexes for a batch, applies it in memory, then waits for it to be on disk. */
  async commit(ops: LogOp[]): Promise<void> {
    if (ops.length === 0) return
    this.checkUnique(ops)
    this.applyOps(ops)
    await this.journal?.append(ops)
  }

  private checkUnique(ops: LogOp[]): void {
    const pendingKeys = new Map<string, string>()
    for (const op of ops) {
      if (op.op !== 'put') continue
      const coll = this.collections.get(op.c) ?? this.ensure(op.c)
      const id = String(op.d._id)
      const ix = coll.uniqueConflict(id, op.d)
      if (ix) {
        throw new CloudError(
          'DATABASE_DUPLICATE_WRITE',
          `E11000 duplicate key error collection: ${op.c} index: ${ix.name} dup key: ${JSON.stringify(ix.keyOf(op.d))}`,
        )
      }
      for (const index of coll.indexes.filter((i) => i.unique)) {
        const k = `${op.c}/${index.name}/${JSON.stringify(index.keyOf(op.d))}`
        const other = pendingKeys.get(k)
        if (other !== undefined && other !== id) {
          throw new CloudError(
            'DATABASE_DUPLICATE_WRITE',
            `E11000 duplicate key error collection: ${op.c} index: ${index.name}`,
          )
        }
        pendingKeys.set(k, id)
      }
    }
  }

  /** A new document id shaped like production's (32 hex chars). */
  newId(): string {
    return randomHex()
  }

  // ---- reads -------------------------------------------------------------------------------

  find(name: string, query: Doc, opts: FindOptions = {}): Doc[] {
    return this.get(name).find(query, opts)
  }

  count(name: string, query: Doc): number {
    return this.get(name).count(query)
  }

  /** Runs an aggregation pipeline; a leading $match (and $sort) use the indexes. */
  aggregate(name: string, pipeline: Doc[]): Doc[] {
    const coll = this.get(name)
    let rest = pipeline
    let source: Doc[]
    if (rest[0] && '$match' in rest[0]) {
      const match = rest[0].$match as Doc
      const sort =
        rest[1] && '$sort' in rest[1] ? (rest[1].$sort as Record<string, 1 | -1>) : undefined
      source = coll.find(match, { sort })
      rest = rest.slice(sort ? 2 : 1)
    } else {
      source = [...coll.docs.values()]
    }
    if (rest.length === 0) return source
    const aggregator = new Aggregator(
      rest as never,
      {
        collectionResolver: (n: string) =>
          this.collections.get(n) ? [...this.collections.get(n)!.docs.values()] : [],
      } as never,
    )
    return aggregator.run(source) as Doc[]
  }

  // ---- writes ------------------------------------------------------------------------------

  /** Applies Mongo update operators to a copy of a document. */
  updatedCopy(doc: Doc, update: Doc): Doc {
    const copy = cloneValue(doc)
    const operators: Doc = {}
    const plain: Doc = {}
    for (const [k, v] of Object.entries(update)) (k.startsWith('$') ? operators : plain)[k] = v
    if (Object.keys(plain).length) operators.$set = { ...((operators.$set as Doc) ?? {}), ...plain }
    if (operators.$set && typeof operators.$set === 'object' && '_id' in (operators.$set as Doc)) {
      throw new CloudError('INVALID_PARAM', '不能更新_id的值')
    }
    try {
      applyUpdate(copy, operators as never)
    } catch (error) {
      throw new CloudError('INVALID_PARAM', `invalid update: ${(error as Error).message}`)
    }
    copy._id = doc._id
    return copy
  }

  // ---- transactions ------------------------------------------------------------------------

  /** Starts a transaction and returns its id. */
  startTransaction(): string {
    this.expireTransactions()
    const id = `tx-${this.newId()}`
    this.transactions.set(id, {
      id,
      reads: new Map(),
      writes: new Map(),
      startedAt: this.opts.now(),
    })
    return id
  }

  private tx(id: string): Transaction {
    const tx = this.transactions.get(id)
    if (!tx)
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        `transaction ${id} does not exist or has ended`,
      )
    return tx
  }

  /** Reads one document inside a transaction: its own writes first, then the committed state. */
  txRead(txId: string, c: string, id: string): Doc | null {
    const tx = this.tx(txId)
    const key = `${c}/${id}`
    const own = tx.writes.get(key)
    if (own) return own.doc
    const coll = this.get(c)
    if (!tx.reads.has(key)) tx.reads.set(key, coll.rev(id))
    return coll.docs.get(id) ?? null
  }

  /** Buffers one document write (null deletes) inside a transaction. */
  txWrite(txId: string, c: string, id: string, doc: Doc | null): void {
    const tx = this.tx(txId)
    const key = `${c}/${id}`
    this.get(c)
    if (!tx.reads.has(key)) tx.reads.set(key, this.get(c).rev(id))
    tx.writes.set(key, { c, id, doc })
  }

  /**
   * Until the returned function is called, every transaction that writes to `collection` fails its
   * commit with a conflict, as under contention the platform's would: a test's way to exhaust a
   * writer's retries without racing it.
   */
  contend(collection: string): () => void {
    this.contended.set(collection, (this.contended.get(collection) ?? 0) + 1)
    let done = false
    return () => {
      if (done) return
      done = true
      const n = (this.contended.get(collection) ?? 1) - 1
      if (n > 0) this.contended.set(collection, n)
      else this.contended.delete(collection)
    }
  }

  /** Commits: conflicts when anything the transaction touched changed since it first touched it. */
  async commitTransaction(txId: string): Promise<void> {
    const tx = this.tx(txId)
    this.transactions.delete(txId)
    if ([...tx.writes.values()].some((w) => this.contended.has(w.c)))
      throw new CloudError(
        'DATABASE_TRANSACTION_CONFLICT',
        'Transaction is conflict, maybe resource operated by others in the same time',
      )
    for (const [key, rev] of tx.reads) {
      const slash = key.indexOf('/')
      const coll = this.collections.get(key.slice(0, slash))
      if (!coll || coll.rev(key.slice(slash + 1)) !== rev) {
        throw new CloudError(
          'DATABASE_TRANSACTION_CONFLICT',
          'Transaction is conflict, maybe resource operated by others in the same time',
        )
      }
    }
    const ops: LogOp[] = [...tx.writes.values()].map((w) =>
      w.doc ? { op: 'put', c: w.c, d: w.doc } : { op: 'del', c: w.c, id: w.id },
    )
    await this.commit(ops)
  }

  /** Drops a transaction's buffered writes. */
  abortTransaction(txId: string): void {
    this.tx(txId)
    this.transactions.delete(txId)
  }

  private expireTransactions(): void {
    const now = this.opts.now()
    for (const [id, tx] of this.transactions)
      if (now - tx.startedAt > MAX_TX_AGE_MS) this.transactions.delete(id)
  }
}
