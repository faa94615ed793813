// The pages' clock: Date starts at the emulator's still clock (STILL_START) and flows from there, so
// what a page shows or sends never depends on the hour the machine reads. Only Date is faked: the
// pages' timers and the harness's polls run on real time.
import { STILL_START } from '../../emulator/src/clock'

jest.useFakeTimers({
  now: STILL_START,
  advanceTimers: true,
  doNotFake: [
    'hrtime',
    'nextTick',
    'performance',
    'queueMicrotask',
    'requestAnimationFrame',
    'cancelAnimationFrame',
    'requestIdleCallback',
    'cancelIdleCallback',
    'setImmediate',
    'clearImmediate',
    'setInterval',
    'clearInterval',
    'setTimeout',
    'clearTimeout',
  ],
})
