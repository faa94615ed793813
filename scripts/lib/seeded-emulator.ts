// The one way a test set-up or a bench starts the demo hospital: an in-memory emulator running the
// built functions on a still clock that only its owner moves, seeded, with no quiet hours — so what
// it sees never depends on the hour the machine reads.
import { resolve } from 'node:path'
import type { RewindableClock } from '../../emulator/src/core'
import {
  createStillClock,
  startEmulator,
  type RunningEmulator,
  type StartOptions,
} from '../../emulator/src/index'
import { seedDemo } from '../seed/load'

const FUNCTIONS_DIR = resolve(__dirname, '..', '..', 'cloudfunctions')

export interface SeededEmulator {
  emulator: RunningEmulator
  /** Still at `STILL_START` until its owner moves it. */
  clock: RewindableClock
}

/** Starts the seeded demo hospital on a still clock; `opts` adds emulator options (a static dir, …). */
export async function startSeededEmulator(
  opts: Omit<StartOptions, 'clock' | 'memory' | 'port' | 'functionsDir'> = {},
): Promise<SeededEmulator> {
  // Function workers inherit this process's environment.
  process.env.QUIET_HOURS ??= 'off'
  const clock = createStillClock()
  const emulator = await startEmulator({
    quiet: true,
    ...opts,
    port: 0,
    memory: true,
    functionsDir: FUNCTIONS_DIR,
    clock,
  })
  await seedDemo({ url: emulator.url })
  return { emulator, clock }
}
