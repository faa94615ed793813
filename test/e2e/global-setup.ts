// Builds the H5 app and the functions when stale; each Playwright worker then serves both from a
// seeded emulator of its own (backend.ts, through helpers' `test`).
import { execSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { isStale } from '../../scripts/lib/freshness'

const ROOT = resolve(__dirname, '..', '..')

export default async function globalSetup(): Promise<void> {
  const sources = ['src', 'types', 'config', 'babel.config.js'].map((d) => join(ROOT, d))
  if (isStale(join(ROOT, 'dist-h5', 'index.html'), sources)) {
    execSync('npx taro build --type h5', {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
  await buildFunctions({ quiet: true })
}
