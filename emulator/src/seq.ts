// An insertion order that survives restarts: the machine's time in µs plus a counter, so rows written
// at the same emulator instant (a manual clock that stands still) still sort newest first.
let last = 0

/** A number larger than every earlier one this process (and, by the machine's clock, earlier runs) handed out. */
export function nextSeq(): number {
  last = Math.max(last + 1, Date.now() * 1000)
  return last
}
