// Time for the emulator: the system clock, or a manual one tests advance by hand.
import type { Clock, ManualClock } from './core'

interface Scheduled {
  at: number
  seq: number
  fn: () => void | Promise<void>
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

/** How far `clock` is from the machine's time (0 for the system clock); functions see time shifted by it. */
export function clockOffset(clock: Clock): number {
  return clock === systemClock ? 0 : clock.now() - Date.now()
}

/**
 * A clock that moves only when told; advancing fires due schedules in time order, awaiting each, and
 * resolves with how many fired. Moves are serialised: a second move starts when the first is done.
 */
export function createManualClock(startEpochMs: number): ManualClock {
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
    now: () => current,
    schedule(at, fn) {
      const item = { at, seq: seq++, fn }
      queue.push(item)
      return () => {
        queue = queue.filter((q) => q !== item)
      }
    },
    set: (epochMs) => move(() => epochMs),
    advance: (ms) => move(() => current + ms),
  }
}
