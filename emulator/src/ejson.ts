// Canonical EJSON in and out, as the SDK speaks it, with CloudBase's own extensions revived.
import { BSONRegExp, EJSON } from 'bson'

export type Doc = Record<string, unknown>

/** An error in production's shape: the SDK reads `code` and `message` from an HTTP 200 body. */
export class CloudError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message)
  }
}

/** Parses one EJSON string from the SDK; `now` gives the server time for `db.serverDate()`. */
export function parseEJSON(text: unknown, now: () => number, what = 'value'): unknown {
  if (typeof text !== 'string')
    throw new CloudError('INVALID_PARAM', `${what} must be an EJSON string`)
  let value: unknown
  try {
    checkMarkers(JSON.parse(text))
    value = EJSON.parse(text, { relaxed: true })
  } catch (error) {
    throw new CloudError('INVALID_PARAM', `${what} is not valid EJSON: ${(error as Error).message}`)
  }
  return revive(value, now)
}

/** Turns CloudBase markers into plain JS values: server dates into Dates, BSON regexes into RegExps. */
export function revive(value: unknown, now: () => number): unknown {
  if (value === null || typeof value !== 'object') return value
  if (value instanceof Date || value instanceof RegExp) return value
  if (value instanceof BSONRegExp) return new RegExp(value.pattern, toJsFlags(value.options))
  if (Array.isArray(value)) return value.map((v) => revive(v, now))
  const obj = value as Doc
  if ('$tcb_server_date' in obj) {
    const spec = (obj.$tcb_server_date ?? {}) as { offset?: number }
    return new Date(now() + Number(spec.offset ?? 0))
  }
  if (obj._bsontype) return value
  const out: Doc = {}
  for (const [k, v] of Object.entries(obj)) out[k] = revive(v, now)
  return out
}

const MARKERS: Record<string, (v: unknown) => boolean> = {
  $numberInt: (v) => typeof v === 'string' && /^-?\d+$/.test(v) && Math.abs(Number(v)) <= 2 ** 31,
  $numberLong: (v) => typeof v === 'string' && /^-?\d+$/.test(v),
  $numberDouble: (v) =>
    typeof v === 'string' &&
    (/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(v) ||
      ['Infinity', '-Infinity', 'NaN', '-0'].includes(v)),
  $date: (v) =>
    (typeof v === 'string' && !Number.isNaN(Date.parse(v))) ||
    (typeof v === 'object' &&
      v !== null &&
      MARKERS.$numberLong((v as Record<string, unknown>).$numberLong)),
}

// bson's parser turns malformed markers into null or 0 silently; production rejects them.
function checkMarkers(value: unknown): void {
  if (value === null || typeof value !== 'object') return
  if (Array.isArray(value)) return value.forEach(checkMarkers)
  for (const [k, v] of Object.entries(value)) {
    const check = MARKERS[k]
    if (check && !check(v)) throw new Error(`malformed ${k}: ${JSON.stringify(v)}`)
    checkMarkers(v)
  }
}

function toJsFlags(options: string): string {
  return options.replace(/[^gimsuy]/g, '')
}

/** Canonical EJSON for one document going back to the SDK. */
export function stringifyEJSON(value: unknown): string {
  return EJSON.stringify(value as Doc, { relaxed: false })
}
