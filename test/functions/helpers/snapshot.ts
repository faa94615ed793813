// A fingerprint of everything the emulator stores: equal fingerprints before and after mean nothing was written.
import { createHash } from 'node:crypto'
import type { RunningEmulator } from '../../../emulator/src/index'
import type { Backend } from './backend'

// Timer firings are logged by the emulator itself on the wall clock, whatever a test does.
const BOOKKEEPING = new Set(['_emu_timer_log'])

/** Hash of every document of every collection (the emulator's own `_emu_*` ones included). */
export function storeFingerprint(emulator: RunningEmulator): string {
  const hash = createHash('sha256')
  for (const name of emulator.engine
    .collectionNames()
    .filter((n) => !BOOKKEEPING.has(n))
    .sort()) {
    const docs = emulator.engine
      .find(name, {})
      .map((d) => JSON.stringify(d))
      .sort()
    hash.update(`${name}\n${docs.length}\n${docs.join('\n')}\n`)
  }
  return hash.digest('hex')
}

/** The store's fingerprint once it has stopped changing (a photo check's callback landed; polled, at most ~5 s). */
export async function settledFingerprint(b: Backend): Promise<string> {
  let last = storeFingerprint(b.emulator)
  for (let i = 0; i < 20; i++) {
    await new Promise((r) => setImmediate(r))
    await b.callAs('demo-staff', 'user', 'whoami', {})
    const now = storeFingerprint(b.emulator)
    if (now === last && i >= 2) return now
    last = now
  }
  return last
}
