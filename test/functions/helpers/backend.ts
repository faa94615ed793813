// The functions harness: the real built cloud functions, run by the emulator, reached the way
// clients reach them, with the real wx-server-sdk in this process for direct database checks.
import { mkdtempSync, readdirSync, symlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import type { Envelope } from '../../../types'
import type { ManualClock } from '../../../emulator/src/core'
import { createStillClock, startEmulator, type RunningEmulator } from '../../../emulator/src/index'
import { demoPhotoStore } from '../../../scripts/seed/photos'
import { postToFunction } from './post'
import type { lendSeeded } from './worker-backend'

export const FUNCTIONS_DIR = resolve(__dirname, '..', '..', '..', 'cloudfunctions')

/**
 * A new folder of links to each built function, for a backend of a test's own (`functionsDir`): the
 * test may hide a function there without touching the build every other test file runs meanwhile.
 */
export function linkedFunctionsDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'woodpecker-functions-'))
  for (const name of readdirSync(FUNCTIONS_DIR))
    symlinkSync(join(FUNCTIONS_DIR, name), join(dir, name))
  return dir
}

/**
 * Stands for "the caller's own stored photo" in `photos`/`afterPhotos` of an input given to callAs or
 * okAs: replaced by the OPENID's own upload (a ticket accepts no other photo).
 */
export const OWN_PHOTO = 'cloud://own-photo-of-the-caller'

export interface Backend {
  emulator: RunningEmulator
  url: string
  /** wx-server-sdk initialised against the emulator (this process acts as an admin script). */
  sdk: typeof import('wx-server-sdk')
  db: ReturnType<typeof import('wx-server-sdk').database>
  /** The emulator's clock: still, it moves only when the test moves it. */
  clock: ManualClock
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
  /** The OPENID's own stored photo (in an upload slot of theirs), as the app uploads it; one per OPENID. */
  photo(openid: string): Promise<string>
  stop(): Promise<void>
}

/**
 * The jest worker's seeded backend, lent to this test file (see worker-backend.ts). It is loaded by
 * node's own require, whose module cache outlives this file's jest registry; tsx compiles it there.
 */
function workerBackend(): { lendSeeded: typeof lendSeeded } {
  const nodeModule = process.getBuiltinModule('node:module') as typeof import('node:module')
  const nodeRequire = nodeModule.createRequire(__filename)
  const path = nodeRequire.resolve('./worker-backend.ts')
  if (!nodeRequire.cache[path])
    (nodeRequire('tsx/cjs/api') as typeof import('tsx/cjs/api')).register()
  return nodeRequire(path)
}

/**
 * A backend running the built functions in an in-memory emulator on a still clock (`STILL_START`
 * unless a test brings its own). Seeded: the jest worker's one seeded backend, restored to its
 * freshly seeded state and released by `stop()`; with a clock of the test's own (or while this file
 * already holds the shared one), an emulator of its own, seeded, that `stop()` stops.
 */
export async function startBackend(
  opts: { seed?: boolean; clock?: ManualClock; functionsDir?: string } = {},
): Promise<Backend> {
  // Function workers inherit this process's environment: no quiet hours unless a test sets them,
  // so what a test sees does not depend on the hour it runs at.
  process.env.QUIET_HOURS ??= 'off'
  const lent =
    opts.seed && !opts.clock && !opts.functionsDir ? await workerBackend().lendSeeded() : undefined
  const clock = lent?.clock ?? opts.clock ?? createStillClock()
  const emulator =
    lent?.emulator ??
    (await startEmulator({
      port: 0,
      memory: true,
      quiet: true,
      functionsDir: opts.functionsDir ?? FUNCTIONS_DIR,
      clock,
    }))
  Object.assign(process.env, emulator.sdkEnv())

  const sdk = require('wx-server-sdk') as typeof import('wx-server-sdk')
  sdk.init({ env: emulator.envId })
  const db = sdk.database()
  const url = emulator.url
  const photo = demoPhotoStore(url)
  const withOwnPhotos = async (openid: string, input: unknown): Promise<unknown> => {
    if (!input || typeof input !== 'object' || Array.isArray(input)) return input
    const out: Record<string, unknown> = { ...(input as Record<string, unknown>) }
    for (const key of ['photos', 'afterPhotos'])
      if (Array.isArray(out[key]) && (out[key] as unknown[]).includes(OWN_PHOTO))
        out[key] = await Promise.all(
          (out[key] as unknown[]).map((p) =>
            // An unbound caller has no uploads: the placeholder goes as it is.
            p === OWN_PHOTO ? photo(openid).catch(() => OWN_PHOTO) : p,
          ),
        )
    return out
  }

  const callAs = async <T>(
    openid: string,
    fn: string,
    action: string,
    input?: unknown,
    requestId?: string,
  ) => {
    const res = await postToFunction(
      url,
      fn,
      openid,
      JSON.stringify({ action, input: await withOwnPhotos(openid, input), requestId }),
    )
    const text = res.text
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

  if (opts.seed && !lent) {
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
  return {
    emulator,
    url,
    sdk,
    db,
    clock,
    callAs,
    okAs,
    consent,
    photo,
    stop: () => (lent ? lent.release() : emulator.stop()),
  }
}
