// A deep copy of a stored document built from this realm's own Date/RegExp (structuredClone's
// objects can belong to another realm, e.g. under jest, and then fail instanceof checks).
import type { Doc } from '../ejson'

/** Deep-copies plain objects, arrays, Dates and RegExps. */
export function cloneValue<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value
  const tag = Object.prototype.toString.call(value)
  if (tag === '[object Date]') return new Date((value as unknown as Date).getTime()) as unknown as T
  if (tag === '[object RegExp]')
    return new RegExp(
      (value as unknown as RegExp).source,
      (value as unknown as RegExp).flags,
    ) as unknown as T
  if (Array.isArray(value)) return value.map(cloneValue) as unknown as T
  if (Buffer.isBuffer(value) || (value as { _bsontype?: string })._bsontype) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(value as Doc)) out[k] = cloneValue(v)
  return out as T
}
