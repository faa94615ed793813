// Hostile JSON stops at the door: a body too large or nested too deep is answered before any worker
// sees it (5,000 levels of nesting would otherwise tie a worker up until its timeout).

/** Largest callFunction body the gateway accepts, in bytes. */
export const MAX_EVENT_BYTES = 256 * 1024
/** Deepest nesting of arrays/objects the gateway accepts; real inputs are 3–4 levels deep. */
export const MAX_EVENT_DEPTH = 32

/** Why a JSON text may not become an event, or undefined when it may. Linear, no recursion. */
export function eventTextProblem(text: string): string | undefined {
  if (Buffer.byteLength(text) > MAX_EVENT_BYTES) return `请求体超过 ${MAX_EVENT_BYTES / 1024} KB`
  let depth = 0
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i)
    if (inString) {
      if (c === 0x5c) i++
      else if (c === 0x22) inString = false
    } else if (c === 0x22) inString = true
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > MAX_EVENT_DEPTH) return `请求嵌套超过 ${MAX_EVENT_DEPTH} 层`
    } else if (c === 0x7d || c === 0x5d) depth--
  }
  return undefined
}

/** The envelope a function would answer for input it cannot accept. */
export function invalidEnvelope(message: string): {
  ok: false
  code: 'input.invalid'
  message: string
  issues: Array<{ path: string; message: string }>
} {
  return { ok: false, code: 'input.invalid', message, issues: [{ path: '(input)', message }] }
}
