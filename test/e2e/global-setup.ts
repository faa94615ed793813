// Builds the H5 app and the functions when stale, then serves both from one in-memory emulator
// seeded with the demo hospital. The URL reaches the tests through WOODPECKER_E2E_URL.
import { execSync } from 'node:child_process'
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { isStale } from '../../scripts/lib/freshness'
import { startSeededEmulator } from '../../scripts/lib/seeded-emulator'

const ROOT = resolve(__dirname, '..', '..')

export default async function globalSetup(): Promise<() => Promise<void>> {
  const sources = ['src', 'types', 'config', 'babel.config.js'].map((d) => join(ROOT, d))
  if (isStale(join(ROOT, 'dist-h5', 'index.html'), sources)) {
    execSync('npx taro build --type h5', {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
  await buildFunctions({ quiet: true })
  // The cockpit's campaign replays 161 hazards on a frozen clock: lift the hourly abuse limits.
  process.env.REPORTS_PER_HOUR ??= '100000'
  process.env.ACTS_PER_HOUR ??= '100000'
  // Still: time moves only when a test moves it (POST /_emulator/clock), as in `npm start --
  // --manual-clock`; each page's clock starts where this one stands (helpers' `test`).
  const { emulator } = await startSeededEmulator({ staticDir: join(ROOT, 'dist-h5') })
  // Warm a few workers per function: a page fires several calls at once, and cold starts on a busy
  // CI machine can pass a function's timeout (the browser is what is under test, not cold starts).
  for (const fn of ['user', 'org', 'ticket', 'notify', 'media', 'safety'])
    await Promise.all(
      [0, 1, 2].map(() =>
        fetch(`${emulator.url}/fn/${fn}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ action: '__warm__' }),
        }).catch(() => undefined),
      ),
    )
  process.env.WOODPECKER_E2E_URL = emulator.url
  writeFileSync(join(ROOT, 'test-results.e2e-url'), emulator.url)
  return () => emulator.stop()
}
