// startEmulator: our local CloudBase. The unmodified wx-server-sdk reaches it by environment alone.
import { mkdirSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { join, resolve } from 'node:path'
import { systemClock } from './clock'
import type { Clock, EmulatorCore, InternalStore, RewindableClock, StateKeeper } from './core'
import { databaseActions } from './database/actions'
import { Engine, type EngineSnapshot } from './database/engine'
import { loadCollectionSpecs } from './database/schema'
import type { Doc } from './ejson'
import { readFunctionConfig } from './functions/pool'
import { Router } from './server'
import { StaticFiles } from './static-files'
import { CUSTOM_LOGIN_KEY_VAR, WebAuth } from './auth/web-auth'
import { services } from './services'

export {
  createManualClock,
  createStillClock,
  createSteerableClock,
  STILL_START,
  systemClock,
} from './clock'
export { smsFunctionEnv } from './sms/env'

const REPO = resolve(__dirname, '..', '..')

/** Hosts that keep the emulator on this machine. */
const LOOPBACK = new Set(['127.0.0.1', '::1', 'localhost'])

/** Warns loudly when the emulator (its /admin SDK endpoint bypasses every rule) would be reachable from the network. */
export function warnIfExposed(host: string): void {
  if (LOOPBACK.has(host)) return
  console.warn(
    `[emulator] WARNING: listening on ${host}: anyone who can reach this address can read and write every collection through /admin and act as any persona. Use it only on a trusted network.`,
  )
}

export interface StartOptions {
  /** 0 picks a free port; default 8787. */
  port?: number
  /** Loopback (127.0.0.1) unless explicitly asked otherwise (`--host`); anything else warns. */
  host?: string
  /** Persist here (append-only log + stored files); omitted with `memory`. */
  dataDir?: string
  memory?: boolean
  clock?: Clock
  envId?: string
  functionsDir?: string
  databaseDir?: string
  /** Serve this directory (the built H5 app) at `/`. */
  staticDir?: string
  quiet?: boolean
  /** Extra environment variables for every function invocation (CloudBase's per-function variables). */
  functionEnv?: Record<string, string>
  /**
   * `dev` (default): the header gateway `/fn/:name` serves any persona, on loopback only.
   * `deployed`: as CloudBase, a browser reaches functions only signed in through the web SDK.
   */
  mode?: 'dev' | 'deployed'
  /** Never keeps the process alive by itself (a test process's shared backend, never stopped by hand). */
  unref?: boolean
}

/** Everything a client or test can observe of a running emulator, at one moment. */
export interface EmulatorSnapshot {
  readonly database: EngineSnapshot
  readonly services: ReadonlyMap<string, unknown>
  readonly functionEnv: Record<string, string>
  /** The clock's time and pending schedules, when the clock can be rewound. */
  readonly clock?: ReturnType<RewindableClock['capture']>
}

export interface RunningEmulator {
  url: string
  port: number
  envId: string
  clock: Clock
  core: EmulatorCore
  engine: Engine
  sdkEnv(): Record<string, string>
  /** Replaces the extra environment of every later function invocation. */
  setFunctionEnv(env: Record<string, string>): void
  /** Captures the database, the services' state (stored files, outbox, consents, SMS, sign-ins), the function environment and a rewindable clock. */
  snapshot(): EmulatorSnapshot
  /** Once running invocations and clock moves have finished, puts everything back as `snap` holds it; warm function workers stay. */
  restore(snap: EmulatorSnapshot): Promise<void>
  stop(): Promise<void>
}

const rewindable = (clock: Clock): RewindableClock | undefined =>
  typeof (clock as Partial<RewindableClock>).rewind === 'function'
    ? (clock as RewindableClock)
    : undefined

/** Starts the emulator and resolves once it accepts requests. */
export async function startEmulator(opts: StartOptions = {}): Promise<RunningEmulator> {
  const clock = opts.clock ?? systemClock
  const envId = opts.envId ?? 'woodpecker-local'
  const dataDir = opts.memory || !opts.dataDir ? undefined : resolve(opts.dataDir)
  const log = (m: string): void => {
    if (!opts.quiet) console.log(m)
    else if (m.startsWith('[emulator] no declared index')) console.warn(m)
  }
  if (dataDir) mkdirSync(dataDir, { recursive: true })
  const databaseDir = resolve(opts.databaseDir ?? join(REPO, 'database'))

  const engine = new Engine({
    journalPath: dataDir ? join(dataDir, 'db.log') : undefined,
    specs: loadCollectionSpecs(databaseDir),
    now: () => clock.now(),
    log,
  })
  await engine.open()

  const router = new Router()
  if (opts.staticDir) router.files = new StaticFiles(resolve(opts.staticDir))
  for (const [action, handler] of Object.entries(databaseActions(engine, () => clock.now()))) {
    router.actions.set(action, (req) => handler(req.body))
  }

  if (opts.host && !opts.quiet) warnIfExposed(opts.host)
  const server = router.createServer()
  await new Promise<void>((ok, fail) => {
    server.once('error', fail)
    server.listen(opts.port ?? 8787, opts.host ?? '127.0.0.1', () => ok())
  })
  if (opts.unref) {
    // Its connections are kept alive between calls but never hold the process; a client's idle
    // socket does not either (node's keep-alive agents and fetch unref the sockets they keep).
    server.unref()
    server.on('connection', (socket) => socket.unref())
  }
  const port = (server.address() as AddressInfo).port
  const shown =
    !opts.host || opts.host === '0.0.0.0' || opts.host === '::' ? '127.0.0.1' : opts.host
  const url = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`
  const stoppers: Array<() => Promise<void> | void> = []

  const sdkEnv = (): Record<string, string> => ({
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: `${url}/admin` }),
    TENCENTCLOUD_SECRETID: 'local-emulator',
    TENCENTCLOUD_SECRETKEY: 'local-emulator',
    TCB_ENV: envId,
    SCF_NAMESPACE: envId,
    TENCENTCLOUD: 'true',
  })

  let deliverPush: (event: Record<string, unknown>) => Promise<boolean> = async () => false
  let functionEnv: Record<string, string> = { ...opts.functionEnv }
  const webAuth = new WebAuth(envId, clock)
  const keepers = new Map<string, StateKeeper>()
  const core: EmulatorCore = {
    envId,
    url,
    clock,
    dataDir,
    functionsDir: resolve(opts.functionsDir ?? join(REPO, 'cloudfunctions')),
    databaseDir,
    store: internalStore(engine),
    webAuth,
    devGateway: (opts.mode ?? 'dev') === 'dev' && LOOPBACK.has(opts.host ?? '127.0.0.1'),
    registerAction: (action, handler) => router.actions.set(action, handler),
    registerRoute: (method, prefix, handler) => router.routes.push({ method, prefix, handler }),
    functionPermissions: (name) =>
      readFunctionConfig(join(resolve(opts.functionsDir ?? join(REPO, 'cloudfunctions')), name))
        .openapi,
    registerCallerResolver: (fn) => {
      router.resolveCaller = fn
    },
    sdkEnv,
    functionEnv: () => ({ [CUSTOM_LOGIN_KEY_VAR]: webAuth.keyJson, ...functionEnv }),
    log,
    keepState: (name, keeper) => {
      if (keepers.has(name)) throw new Error(`state "${name}" is already kept`)
      keepers.set(name, keeper)
    },
    onStop: (fn) => stoppers.push(fn),
    pushMessage: (event) => deliverPush(event),
    registerMessagePush: (fn) => {
      deliverPush = fn
    },
  }
  for (const install of services) await install(core)

  let stopped = false
  return {
    url,
    port,
    envId,
    clock,
    core,
    engine,
    sdkEnv,
    setFunctionEnv(env) {
      functionEnv = { ...env }
    },
    snapshot: () => ({
      database: engine.snapshot(),
      services: new Map([...keepers].map(([name, k]) => [name, k.capture()])),
      functionEnv: { ...functionEnv },
      clock: rewindable(clock)?.capture(),
    }),
    async restore(snap) {
      const rewind = rewindable(clock)
      if (snap.clock && !rewind) throw new Error('this emulator runs on a clock that cannot rewind')
      // A clock move under way may start invocations; those finish before anything is put back.
      if (rewind) await rewind.idle()
      for (const k of keepers.values()) await k.settle?.()
      engine.restore(snap.database)
      for (const [name, k] of keepers) k.restore(snap.services.get(name))
      functionEnv = { ...snap.functionEnv }
      if (snap.clock) await rewind!.rewind(snap.clock)
    },
    async stop() {
      if (stopped) return
      stopped = true
      for (const fn of stoppers.reverse()) await fn()
      server.closeAllConnections?.()
      await new Promise<void>((ok) => server.close(() => ok()))
      await engine.close()
    },
  }
}

/** The services' own durable state, kept in `_emu_*` collections of the same engine. */
function internalStore(engine: Engine): InternalStore {
  const ensure = async (c: string): Promise<void> => {
    if (!engine.has(c)) await engine.commit([{ op: 'create', c }])
  }
  return {
    async insert(c, doc) {
      await ensure(c)
      const d = { ...doc, _id: doc._id === undefined ? engine.newId() : String(doc._id) } as Doc
      await engine.commit([{ op: 'put', c, d }])
      return String(d._id)
    },
    async find(c, query, o = {}) {
      if (!engine.has(c)) return []
      return engine.find(c, query as Doc, o)
    },
    async update(c, query, update) {
      if (!engine.has(c)) return 0
      const targets = engine.find(c, query as Doc)
      await engine.commit(
        targets.map((d) => ({ op: 'put', c, d: engine.updatedCopy(d, update as Doc) })),
      )
      return targets.length
    },
    async remove(c, query) {
      if (!engine.has(c)) return 0
      const targets = engine.find(c, query as Doc)
      await engine.commit(targets.map((d) => ({ op: 'del', c, id: String(d._id) })))
      return targets.length
    },
  }
}
