// The emulator clock over HTTP: GET /_emulator/clock → {now}; POST /_emulator/clock {advanceMs} or
// {to} moves a manual clock forward, firing every due timer trigger in time order; {jumpMs} moves it
// at once, each due trigger firing once at the new time. Answers once they have all finished with
// {now, fired}.
import type { EmulatorService, ManualClock } from '../core'
import { readBody, sendJson } from '../http-util'

const ISO = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$/

/** Where a POST body asks the clock to go, or why it cannot. */
export function clockTarget(
  body: unknown,
  now: number,
): { advanceMs: number } | { jumpMs: number } | { to: number } | { error: string } {
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return {
      error:
        'body must be a JSON object: {"advanceMs": 60000} or {"to": "2026-01-01T08:00:00+08:00"}',
    }
  const { advanceMs, jumpMs, to } = body as { advanceMs?: unknown; jumpMs?: unknown; to?: unknown }
  if ([advanceMs, jumpMs, to].filter((v) => v !== undefined).length !== 1)
    return {
      error: 'give exactly one of advanceMs or jumpMs (milliseconds) or to (an ISO time)',
    }
  for (const [field, ms] of [
    ['advanceMs', advanceMs],
    ['jumpMs', jumpMs],
  ] as const) {
    if (ms === undefined) continue
    if (typeof ms !== 'number' || !Number.isFinite(ms))
      return { error: `${field} must be a number of milliseconds` }
    if (ms < 0) return { error: `the clock never moves backwards: ${field} is ${ms}` }
    return field === 'advanceMs' ? { advanceMs: ms } : { jumpMs: ms }
  }
  if (typeof to !== 'string' || !ISO.test(to) || Number.isNaN(Date.parse(to)))
    return {
      error:
        'to must be an ISO time with a zone, e.g. 2026-01-01T08:00:00+08:00 or 2026-01-01T00:00:00Z',
    }
  const target = Date.parse(to)
  if (target < now)
    return {
      error: `the clock never moves backwards: it is ${new Date(now).toISOString()}, asked for ${new Date(target).toISOString()}`,
    }
  return { to: target }
}

const SAVED = '_emu_clock'

/** Installs GET/POST /_emulator/clock; a manual clock resumes where a previous run on the same data left it. */
export const clockService: EmulatorService = async (core) => {
  const manual = (core.clock as Partial<ManualClock>).manual ? (core.clock as ManualClock) : null
  const saved = (await core.store.find(SAVED, { _id: 'now' }))[0]?.at
  if (manual && saved instanceof Date && saved.getTime() > manual.now())
    await manual.set(saved.getTime())
  core.registerRoute('GET', '/_emulator/clock', (_req, res) => {
    sendJson(res, 200, { now: new Date(core.clock.now()).toISOString() })
  })
  core.registerRoute('POST', '/_emulator/clock', async (req, res) => {
    if (!manual) {
      sendJson(res, 400, {
        code: 'CLOCK_NOT_MANUAL',
        message:
          'the emulator runs on the system clock; start it with --manual-clock to move time by hand',
      })
      return
    }
    let body: unknown
    try {
      body = JSON.parse((await readBody(req)).toString('utf8') || 'null')
    } catch {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: 'body must be JSON' })
      return
    }
    const target = clockTarget(body, manual.now())
    if ('error' in target) {
      sendJson(res, 400, { code: 'INVALID_PARAM', message: target.error })
      return
    }
    const fired = await ('to' in target
      ? manual.set(target.to)
      : 'jumpMs' in target
        ? manual.jump(manual.now() + target.jumpMs)
        : manual.advance(target.advanceMs))
    const at = new Date(manual.now())
    if (!(await core.store.update(SAVED, { _id: 'now' }, { $set: { at } })))
      await core.store.insert(SAVED, { _id: 'now', at })
    sendJson(res, 200, { now: new Date(manual.now()).toISOString(), fired })
  })
}
