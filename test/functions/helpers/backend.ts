// The functions harness: the real built cloud functions, run by the emulator, reached the way
// clients reach them, with the real wx-server-sdk in this process for direct database checks.
import { resolve } from 'node:path'
import type { Envelope } from '../../../types'
import { startEmulator, type RunningEmulator } from '../../../emulator/src/index'

export const FUNCTIONS_DIR = resolve(__dirname, '..', '..', '..', 'cloudfunctions')

export interface Backend {
  emulator: RunningEmulator
  url: string
  /** wx-server-sdk initialised against the emulator (this process acts as an admin script). */
  sdk: typeof import('wx-server-sdk')
  db: ReturnType<typeof import('wx-server-sdk').database>
  /** Calls a function as the given OPENID through the emulator's client gateway. */
  callAs<T = unknown>(
    openid: string,
    fn: string,
    action: string,
    input?: unknown,
    requestId?: string,
  ): Promise<Envelope<T>>
  /** Grants `openid` one consent per template on the platform and reports it, as the app does. */
  consent(openid: string, templateIds: string[]): Promise<void>
  /** Like callAs, but throws unless the envelope is ok, and returns its data. */
  okAs<T = unknown>(openid: string, fn: string, action: string, input?: unknown): Promise<T>
  stop(): Promise<void>
}

/** Starts an in-memory emulator running the built functions; seeds the demo hospital when asked. */
export async function startBackend(
  opts: { seed?: boolean; clock?: import('../../../emulator/src/core').Clock } = {},
): Promise<Backend> {
  // Function workers inherit this process's environment: no quiet hours unless a test sets them,
  // so what a test sees does not depend on the hour it runs at.
  process.env.QUIET_HOURS ??= 'off'
  const emulator = await startEmulator({
    port: 0,
    memory: true,
    quiet: true,
    functionsDir: FUNCTIONS_DIR,
    clock: opts.clock,
  })
  Object.assign(process.env, emulator.sdkEnv())

  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env: emulator.envId })
  const db = sdk.database()
  const url = emulator.url

  const callAs = async <T>(
    openid: string,
    fn: string,
    action: string,
    input?: unknown,
    requestId?: string,
  ) => {
    const res = await fetch(`${url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
      body: JSON.stringify({ action, input, requestId }),
    })
    const text = await res.text()
    try {
      return JSON.parse(text) as Envelope<T>
    } catch {
      throw new Error(`gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`)
    }
  }
  const okAs = async <T>(openid: string, fn: string, action: string, input?: unknown) => {
    const env = await callAs<T>(openid, fn, action, input)
    if (!env.ok) throw new Error(`${fn}.${action} as ${openid} failed: ${env.code} ${env.message}`)
    return env.data
  }

  if (opts.seed) {
    const { seedDemo } = require('../../../scripts/seed') as {
      seedDemo: (o: { url: string }) => Promise<unknown>
    }
    await seedDemo({ url })
  }
  let consentSeq = 0
  const consent = async (openid: string, templateIds: string[]) => {
    await fetch(`${url}/_emulator/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds }),
    })
    await okAs(openid, 'notify', 'consent', {
      results: Object.fromEntries(templateIds.map((id) => [id, 'accept'])),
      requestKey: `test-consent-${++consentSeq}-${Date.now()}`,
    })
  }
  return { emulator, url, sdk, db, callAs, okAs, consent, stop: () => emulator.stop() }
}
