// Time for the emulator: the system clock, or a manual one tests advance by hand.
import type { Clock, ManualClock, SteerableClock } from './core'

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

/** A clock that moves only when told; advancing fires due schedules in time order, awaiting each. */
export function createManualClock(startEpochMs: number): ManualClock {
  let current = startEpochMs
  let seq = 0
  let queue: Scheduled[] = []
  const runUntil = async (target: number): Promise<void> => {
    for (;;) {
      queue.sort((a, b) => a.at - b.at || a.seq - b.seq)
      const next = queue[0]
      if (!next || next.at > target) break
      queue.shift()
      current = Math.max(current, next.at)
      await next.fn()
    }
    current = Math.max(current, target)
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
    set: (epochMs) => runUntil(epochMs),
    advance: (ms) => runUntil(current + ms),
    jump: (epochMs) => {
      current = Math.max(current, epochMs)
      return runUntil(current)
    },
  }
}

/** A manual clock until `release()`, then the system clock (pending schedules carried over). */
export function createSteerableClock(startEpochMs: number): SteerableClock {
  const manual = createManualClock(startEpochMs)
  const pending = new Map<number, { at: number; fn: () => void; cancel: () => void }>()
  let released = false
  let seq = 0
  return {
    manual: true,
    now: () => (released ? systemClock.now() : manual.now()),
    schedule(at, fn) {
      if (released) return systemClock.schedule(at, fn)
      const id = seq++
      const cancel = manual.schedule(at, () => {
        pending.delete(id)
        return fn()
      })
      pending.set(id, { at, fn, cancel: () => cancel() })
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
