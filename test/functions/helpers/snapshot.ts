// A fingerprint of everything the emulator stores: equal fingerprints before and after mean nothing was written.
import { createHash } from 'node:crypto'
import type { RunningEmulator } from '../../../emulator/src/index'

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
