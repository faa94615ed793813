// Time for the emulator: the system clock, or a manual one tests advance by hand.
import type { Clock, ClockState, ManualClock, RewindableClock, SteerableClock } from './core'

interface Scheduled {
  at: number
  seq: number
  fn: () => void | Promise<unknown>
}

/** The wall clock with real timers. */
export const systemClock: Clock = {
  now: () => Date.now(),
  schedule(at, fn) {
    const MAX = 2 ** 31 - 1
    let handle: NodeJS.Timeout
    const arm = (): void => {
      const delay = at - Date.now()
      handle = setTimeout(delay > MAX ? arm : fn, Math.max(0, Math.min(delay, MAX)))
      handle.unref?.()
    }
    arm()
    return () => clearTimeout(handle)
  },
}

/** The time a function invocation reads: fixed at a still clock's time, or the machine's time shifted by an offset. */
export type InvocationTime = { frozenAt: number } | { offset: number }

/**
 * What `Date` reads inside an invocation on `clock`. On a still clock it stays at the clock's time for
 * the whole invocation, so no invocation ever reads a time later than the next one will.
 */
export function invocationTime(clock: Clock): InvocationTime {
  const still = (clock as Partial<ManualClock>).still
  if (still?.call(clock)) return { frozenAt: clock.now() }
  return { offset: clock === systemClock ? 0 : clock.now() - Date.now() }
}

/**
 * Where the still clock of every test and bench starts: a Wednesday, 10:00 in Asia/Shanghai — away
 * from quiet hours, the evening list, midnight and week or month boundaries, so what a run sees never
 * depends on the hour the machine reads.
 */
export const STILL_START = Date.parse('2026-11-25T10:00:00+08:00')

/** A manual clock at `STILL_START` (or `start`): time moves only when its owner moves it. */
export function createStillClock(start = STILL_START): RewindableClock {
  return createManualClock(start)
}

/**
 * A clock that moves only when told; advancing fires due schedules in time order, awaiting each, and
 * resolves with how many fired; a schedule made for a time already reached fires without a move.
 * Moves are serialised: a second move starts when the first is done.
 */
export function createManualClock(startEpochMs: number): RewindableClock {
  let current = startEpochMs
  let seq = 0
  let queue: Scheduled[] = []
  let moving: Promise<unknown> = Promise.resolve()
  const runUntil = async (target: number): Promise<number> => {
    let fired = 0
    for (;;) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = queue[0]
      if (!next || next.at > target) break
      queue.shift()
      current = Math.max(current, next.at)
      fired++
      await next.fn()
    }
    current = Math.max(current, target)
    return fired
  }
  const move = (target: () => number): Promise<number> => {
    const run = moving.then(() => runUntil(target()))
    moving = run.catch(() => undefined)
    return run
  }
  return {
    manual: true,
    still: () => true,
    now: () => current,
    schedule(at, fn) {
      const item = { at, seq: seq++, fn }
      queue.push(item)
      // Already due: it fires now, as a real timer with no delay left would (time stays where it is).
      if (at <= current) void move(() => current).catch(() => undefined)
      return () => {
        queue = queue.filter((q) => q !== item)
      }
    },
    set: (epochMs) => move(() => epochMs),
    advance: (ms) => move(() => current + ms),
    // Time is moved first, so each due schedule runs once at the new time (timers re-arm from it).
    jump: (epochMs) =>
      move(() => {
        current = Math.max(current, epochMs)
        return current
      }),
    capture: (): ClockState => ({ at: current, pending: [...queue] }),
    idle: async () => {
      for (let seen: Promise<unknown> | undefined; seen !== moving;) {
        seen = moving
        await seen
      }
    },
    rewind(state) {
      const run = moving.then(() => {
        current = state.at
        queue = [...(state.pending as Scheduled[])]
      })
      moving = run.catch(() => undefined)
      return run
    },
  }
}

/** A manual clock until `release()`, then the system clock (pending schedules carried over). */
export function createSteerableClock(startEpochMs: number): SteerableClock {
  const manual = createManualClock(startEpochMs)
  const pending = new Map<
    number,
    { at: number; fn: () => void | Promise<unknown>; cancel: () => void }
  >()
  let released = false
  let seq = 0
  return {
    manual: true,
    still: () => !released,
    now: () => (released ? systemClock.now() : manual.now()),
    schedule(at, fn) {
      if (released) return systemClock.schedule(at, fn)
      const id = seq++
      const cancel = manual.schedule(at, () => {
        pending.delete(id)
        return fn()
      })
      pending.set(id, { at, fn, cancel })
      return () => {
        pending.delete(id)
        cancel()
      }
    },
    set: (ms) => manual.set(ms),
    advance: (ms) => manual.advance(ms),
    jump: (ms) => manual.jump(ms),
    release() {
      if (released) return
      released = true
      for (const p of pending.values()) {
        p.cancel()
        systemClock.schedule(p.at, p.fn)
      }
      pending.clear()
    },
  }
}
