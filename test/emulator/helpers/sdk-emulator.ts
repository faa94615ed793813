// Starts an in-memory emulator and points this process's wx-server-sdk at it.
import {
  createStillClock,
  startEmulator,
  type RunningEmulator,
  type StartOptions,
} from '../../../emulator/src/index'

export interface SdkEmulator {
  emulator: RunningEmulator
  cloud: typeof import('wx-server-sdk')
  db: ReturnType<typeof import('wx-server-sdk').database>
}

/** The emulator (on a still clock unless `opts` brings one) plus an SDK initialised against it. */
export async function startSdkEmulator(opts: StartOptions = {}): Promise<SdkEmulator> {
  const emulator = await startEmulator({
    port: 0,
    memory: true,
    quiet: true,
    clock: createStillClock(),
    ...opts,
  })
  Object.assign(process.env, emulator.sdkEnv())

  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: emulator.envId })
  return { emulator, cloud, db: cloud.database() }
}

/** Posts a raw body to /admin and returns the parsed answer. */
export async function postAdmin(
  url: string,
  body: string,
  contentType = 'application/json',
): Promise<Record<string, unknown>> {
  const res = await fetch(`${url}/admin`, {
    method: 'POST',
    headers: { 'content-type': contentType },
    body,
  })
  return (await res.json()) as Record<string, unknown>
}
