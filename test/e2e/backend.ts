// The browser tests' backend: the seeded demo hospital in an in-memory emulator on a still clock,
// serving the H5 build, with warm function workers. One per Playwright worker (helpers' `test`).
import { join, resolve } from 'node:path'
import { startSeededEmulator, type SeededEmulator } from '../../scripts/lib/seeded-emulator'

const ROOT = resolve(__dirname, '..', '..')

/** Starts a seeded emulator serving dist-h5 (built by the global set-up) and warms its functions. */
export async function startE2eBackend(): Promise<SeededEmulator> {
  // The cockpit's campaign replays 161 hazards on a frozen clock: lift the hourly abuse limits.
  process.env.REPORTS_PER_HOUR ??= '100000'
  process.env.ACTS_PER_HOUR ??= '100000'
  // Still: time moves only when a test moves it (POST /_emulator/clock), as in `npm start --
  // --manual-clock`; each page's clock starts where this one stands (helpers' `test`).
  const seeded = await startSeededEmulator({ staticDir: join(ROOT, 'dist-h5') })
  // Warm a few workers per function: a page fires several calls at once, and cold starts on a busy
  // CI machine can pass a function's timeout (the browser is what is under test, not cold starts).
  for (const fn of ['user', 'org', 'ticket', 'notify', 'media', 'safety'])
    await Promise.all(
      [0, 1, 2].map(() =>
        fetch(`${seeded.emulator.url}/fn/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: '__warm__' }),
        }).catch(() => undefined),
      ),
    )
  return seeded
}
