// The jest worker's one seeded backend: started and seeded once per worker process, then handed to
// one test file at a time, restored to its freshly seeded snapshot (database, stored files, outbox,
// consents, SMS, sign-ins, function environment, and the still clock back at its start). Warm
// function workers survive from file to file, so cold starts are paid once per jest worker.
//
// This module is loaded by node's own require (see backend.ts), never through jest's per-file module
// registry: node's module cache is what a jest worker process keeps across test files, so the state
// below is process-wide, and the emulator's code runs in the process's own realm rather than in a
// test file's sandbox that jest tears down when the file ends.
import type { RewindableClock } from '../../../emulator/src/core'
import type { EmulatorSnapshot, RunningEmulator } from '../../../emulator/src/index'
import { startSeededEmulator } from '../../../scripts/lib/seeded-emulator'

interface Shared {
  emulator: RunningEmulator
  clock: RewindableClock
  seeded: EmulatorSnapshot
}

/** The seeded backend lent to one test file until it calls `release`. */
export interface Lent {
  emulator: RunningEmulator
  clock: RewindableClock
  release(): Promise<void>
}

let shared: Promise<Shared> | undefined
let lent = false

async function start(): Promise<Shared> {
  // A jest worker process ends when its last file has run: the backend must not hold it open.
  const { emulator, clock } = await startSeededEmulator({ unref: true })
  return { emulator, clock, seeded: emulator.snapshot() }
}

/**
 * Puts the shared backend back as seeded. A secret a function made meanwhile (kept in `settings`)
 * is carried over: warm function workers cache secrets for their lifetime, as production's
 * instances do, and production never forgets one.
 */
async function restoreSeeded(s: Shared): Promise<void> {
  const secrets = s.emulator.engine.has('settings')
    ? s.emulator.engine.find('settings', {}).filter((d) => d.secret !== undefined)
    : []
  await s.emulator.restore(s.seeded)
  await s.emulator.engine.commit(secrets.map((d) => ({ op: 'put', c: 'settings', d })))
}

/**
 * Lends the worker's seeded backend, restored to its freshly seeded state; undefined while another
 * caller in this process holds it (that caller then starts a backend of its own).
 */
export async function lendSeeded(): Promise<Lent | undefined> {
  if (lent) return undefined
  lent = true
  try {
    shared ??= start()
    const s = await shared
    await restoreSeeded(s)
    let returned = false
    return {
      emulator: s.emulator,
      clock: s.clock,
      release: async () => {
        if (returned) return
        returned = true
        lent = false
      },
    }
  } catch (error) {
    lent = false
    shared = undefined
    throw error
  }
}

/** Stops the worker's backend, if one was started (jest's global teardown, when tests ran in band). */
export async function stopWorkerBackend(): Promise<void> {
  const s = await shared?.catch(() => undefined)
  shared = undefined
  await s?.emulator.stop()
}
