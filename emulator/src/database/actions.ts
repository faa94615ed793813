// The database actions of POST /admin, answering exactly the shapes @cloudbase/database reads.
import { CloudError, parseEJSON, stringifyEJSON, type Doc } from '../ejson'
import type { Engine } from './engine'
import type { LogOp } from './journal'

type Body = Record<string, unknown>
type Handler = (body: Body) => Promise<Record<string, unknown>>

const DEFAULT_LIMIT = 100
const MAX_LIMIT = 1000
const AGGREGATE_DEFAULT_LIMIT = 20

/** Builds the handlers of every database action. */
export function databaseActions(engine: Engine, now: () => number): Record<string, Handler> {
  const ejson = (value: unknown, what: string): unknown => parseEJSON(value, now, what)
  const queryOf = (body: Body): Doc => {
    if (body.query === undefined || body.query === '') return {}
    const q = typeof body.query === 'string' ? ejson(body.query, 'query') : body.query
    if (!q || typeof q !== 'object' || Array.isArray(q))
      throw new CloudError('INVALID_PARAM', 'query must be an object')
    return q as Doc
  }
  const name = (body: Body): string => {
    const n = body.collectionName
    if (typeof n !== 'string' || !n)
      throw new CloudError('INVALID_PARAM', 'collectionName is required')
    return n
  }
  const txId = (body: Body): string | undefined =>
    typeof body.transactionId === 'string' && body.transactionId ? body.transactionId : undefined
  const docIdOf = (body: Body, query: Doc): string => {
    if (body.queryType === 'WHERE') {
      throw new CloudError(
        'DATABASE_TRANSACTION_FAIL',
        'transactions support only doc() and add() operations, not where()',
      )
    }
    if (query._id === undefined)
      throw new CloudError('INVALID_PARAM', 'a document operation needs _id')
    return String(query._id)
  }

  return {
    'database.addCollection': async (body) => {
      const c = name(body)
      if (engine.has(c))
        throw new CloudError('DATABASE_COLLECTION_ALREADY_EXIST', `Table exist: ${c}`)
      await engine.commit([{ op: 'create', c }])
      return {}
    },

    'database.insertDocument': async (body) => {
      const c = name(body)
      if (!Array.isArray(body.data) || body.data.length === 0)
        throw new CloudError('INVALID_PARAM', 'data must be a non-empty array')
      const docs = body.data.map((d, i) => {
        const doc = ejson(d, `data[${i}]`)
        if (!doc || typeof doc !== 'object' || Array.isArray(doc))
          throw new CloudError('INVALID_PARAM', `data[${i}] must be an object`)
        const out = doc as Doc
        out._id = out._id === undefined ? engine.newId() : String(out._id)
        return out
      })
      const coll = engine.get(c)
      const tx = txId(body)
      if (tx) {
        for (const doc of docs) {
          if (engine.txRead(tx, c, String(doc._id))) throw duplicateId(c, doc._id)
          engine.txWrite(tx, c, String(doc._id), doc)
        }
      } else {
        const seen = new Set<string>()
        for (const doc of docs) {
          const id = String(doc._id)
          if (coll.docs.has(id) || seen.has(id)) throw duplicateId(c, id)
          seen.add(id)
        }
        await engine.commit(docs.map((d) => ({ op: 'put', c, d })))
      }
      return { data: { insertedIds: docs.map((d) => d._id) } }
    },

    'database.getDocument': async (body) => {
      const c = name(body)
      const query = queryOf(body)
      const tx = txId(body)
      if (tx) {
        const doc = engine.txRead(tx, c, docIdOf(body, query))
        return { data: { list: doc ? [stringifyEJSON(doc)] : [] } }
      }
      const requested = Number(body.limit ?? DEFAULT_LIMIT)
      const limit = Math.min(
        Number.isFinite(requested) && requested > 0 ? requested : DEFAULT_LIMIT,
        MAX_LIMIT,
      )
      const offset = Math.max(0, Number(body.offset ?? 0) || 0)
      const sort = body.order ? (ejson(body.order, 'order') as Record<string, 1 | -1>) : undefined
      const projection = body.projection
        ? (ejson(body.projection, 'projection') as Record<string, unknown>)
        : undefined
      const list = engine.find(c, query, { sort, skip: offset, limit, projection })
      return { data: { list: list.map(stringifyEJSON), limit, offset } }
    },

    'database.calculateDocument': async (body) => {
      return { data: { total: engine.count(name(body), queryOf(body)) } }
    },

    'database.modifyDocument': async (body) => {
      const c = name(body)
      const query = queryOf(body)
      const data = ejson(body.data, 'data')
      if (!data || typeof data !== 'object' || Array.isArray(data))
        throw new CloudError('INVALID_PARAM', 'data must be an object')
      const replace = body.merge === false
      const tx = txId(body)
      if (tx) {
        const id = docIdOf(body, query)
        const current = engine.txRead(tx, c, id)
        if (replace) {
          engine.txWrite(tx, c, id, { ...(data as Doc), _id: id })
          return { data: { updated: current ? 1 : 0, upsert_id: current ? undefined : id } }
        }
        if (!current) return { data: { updated: 0 } }
        engine.txWrite(tx, c, id, engine.updatedCopy(current, data as Doc))
        return { data: { updated: 1 } }
      }
      const coll = engine.get(c)
      if (replace) {
        if (Object.keys(data).some((k) => k.startsWith('$')))
          throw new CloudError('INVALID_PARAM', 'set() data cannot contain update operators')
        const existing = coll.find(query, { limit: 1 })[0]
        const id = existing
          ? String(existing._id)
          : query._id !== undefined
            ? String(query._id)
            : engine.newId()
        await engine.commit([{ op: 'put', c, d: { ...(data as Doc), _id: id } }])
        return existing ? { data: { updated: 1 } } : { data: { updated: 0, upsert_id: id } }
      }
      const multi = body.multi !== false && body.queryType !== 'DOC'
      const targets = coll.find(query, multi ? {} : { limit: 1 })
      const ops: LogOp[] = targets.map((doc) => ({
        op: 'put',
        c,
        d: engine.updatedCopy(doc, data as Doc),
      }))
      await engine.commit(ops)
      return { data: { updated: ops.length } }
    },

    'database.modifyAndReturnDoc': async (body) => {
      const c = name(body)
      const query = queryOf(body)
      const data = ejson(body.data, 'data') as Doc
      const target = engine.get(c).find(query, { limit: 1 })[0]
      if (!target) return { data: { updated: 0, doc: null } }
      const doc = engine.updatedCopy(target, data)
      await engine.commit([{ op: 'put', c, d: doc }])
      return { data: { updated: 1, doc: stringifyEJSON(doc) } }
    },

    'database.removeDocument': async (body) => {
      const c = name(body)
      const query = queryOf(body)
      const tx = txId(body)
      if (tx) {
        const id = docIdOf(body, query)
        const current = engine.txRead(tx, c, id)
        if (current) engine.txWrite(tx, c, id, null)
        return { data: { deleted: current ? 1 : 0 } }
      }
      const multi = body.multi !== false && body.queryType !== 'DOC'
      const targets = engine.get(c).find(query, multi ? {} : { limit: 1 })
      await engine.commit(targets.map((d) => ({ op: 'del', c, id: String(d._id) })))
      return { data: { deleted: targets.length } }
    },

    'database.aggregateDocuments': async (body) => {
      const c = name(body)
      if (!Array.isArray(body.stages))
        throw new CloudError('INVALID_PARAM', 'stages must be an array')
      const pipeline = body.stages.map((s, i) => {
        const stage = s as { stageKey?: unknown; stageValue?: unknown }
        if (typeof stage.stageKey !== 'string' || !stage.stageKey.startsWith('$')) {
          throw new CloudError('INVALID_PARAM', `stages[${i}].stageKey is invalid`)
        }
        return { [stage.stageKey]: ejson(stage.stageValue, `stages[${i}].stageValue`) }
      })
      const hasLimit = pipeline.some((s) => '$limit' in s)
      let list = engine.aggregate(c, pipeline)
      if (!hasLimit) list = list.slice(0, AGGREGATE_DEFAULT_LIMIT)
      return { data: { list: list.map(stringifyEJSON) } }
    },

    'database.startTransaction': async () => ({ transactionId: engine.startTransaction() }),

    'database.commitTransaction': async (body) => {
      await engine.commitTransaction(String(body.transactionId ?? ''))
      return {}
    },

    'database.abortTransaction': async (body) => {
      engine.abortTransaction(String(body.transactionId ?? ''))
      return {}
    },
  }
}

function duplicateId(c: string, id: unknown): CloudError {
  return new CloudError(
    'DATABASE_DUPLICATE_WRITE',
    `E11000 duplicate key error collection: ${c} index: _id_ dup key: { _id: "${String(id)}" }`,
  )
}
