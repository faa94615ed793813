// Before the weapp suite: build dist/ and the functions when stale, then run one emulator (with the
// demo hospital, on a still clock) that the compiled pages' wx.cloud.callFunction reaches.
import { execSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { buildFunctions } from '../../scripts/build-functions'
import { isStale } from '../../scripts/lib/freshness'
import type { RunningEmulator } from '../../emulator/src/index'
import { startSeededEmulator } from '../../scripts/lib/seeded-emulator'

const ROOT = resolve(__dirname, '..', '..')

declare global {
  var __WEAPP_EMULATOR__: RunningEmulator | undefined
}

export default async function globalSetup(): Promise<void> {
  const sources = ['src', 'types', 'config', 'babel.config.js'].map((d) => join(ROOT, d))
  if (isStale(join(ROOT, 'dist', 'app.json'), sources)) {
    execSync('npx taro build --type weapp', {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
  }
  await buildFunctions({ quiet: true })
  // Still: the pages' clock (still-time.ts) starts where this one stands.
  const { emulator } = await startSeededEmulator()
  globalThis.__WEAPP_EMULATOR__ = emulator
  process.env.WOODPECKER_EMULATOR_URL = emulator.url
}
