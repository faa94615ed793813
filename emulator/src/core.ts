// The seams between the emulator's parts. `index.ts` (server + database) implements EmulatorCore;
// storage, functions, openapi, timers and the H5 gateway are services that install themselves on it.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { WebAuth } from './auth/web-auth'

/** A clock the emulator reads time from; tests get a controllable one. */
export interface Clock {
  now(): number
  /** Fires `fn` when the clock reaches `at` (epoch ms); returns a cancel function. */
  schedule(at: number, fn: () => void | Promise<unknown>): () => void
}

/** A clock tests drive by hand: `advance` fires every due schedule in time order and resolves with how many fired. */
export interface ManualClock extends Clock {
  readonly manual: true
  /** True while time moves only when told (a steerable clock stops being still once released). */
  still(): boolean
  set(epochMs: number): Promise<number>
  advance(ms: number): Promise<number>
  /**
   * Moves to `epochMs` as if the emulator had been switched off meanwhile: each due timer fires
   * once (late), not once per missed occurrence.
   */
  jump(epochMs: number): Promise<number>
}

/** Where a manual clock stands: its time and the schedules still pending (opaque outside the clock). */
export interface ClockState {
  readonly at: number
  readonly pending: readonly unknown[]
}

/** A manual clock whose state can be captured and put back (a shared test backend between files). */
export interface RewindableClock extends ManualClock {
  capture(): ClockState
  /** Resolves once no move is under way (every schedule it fires has finished). */
  idle(): Promise<void>
  /** Puts time and pending schedules back as captured, once any move under way has finished. */
  rewind(state: ClockState): Promise<void>
}

/** A manual clock that can be handed back to real time (demo history, then live). */
export interface SteerableClock extends ManualClock {
  /** From now on: real time and real timers; pending schedules are re-armed on them. */
  release(): void
}

/** What the SDK sent to /admin, already JSON-parsed (multipart bodies arrive as `parts`). */
export interface AdminRequest {
  action: string
  body: Record<string, unknown>
  /** Raw multipart parts for wx.openApi, by field name. */
  parts?: Record<string, { data: Buffer; filename?: string; contentType?: string }>
  /** The invocation that made this call, from `wxCloudApiToken`, when a function made it. */
  caller?: InvocationIdentity
}

/** Who an invocation runs as: what getWXContext() returns inside it. */
export interface InvocationIdentity {
  functionName: string
  openid: string
  appid: string
  unionid?: string
  source: string
}

/** A handled /admin action: return the JSON body, or `{ raw }` for a non-JSON answer. */
export type AdminResult = Record<string, unknown> | { raw: Buffer; contentType: string }

export type AdminHandler = (req: AdminRequest) => Promise<AdminResult>
export type RouteHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  url: URL,
) => Promise<void> | void

/** A service's in-memory state that a snapshot of the emulator must carry with its database. */
export interface StateKeeper {
  capture(): unknown
  restore(state: unknown): void
  /** Resolves once nothing under way could still change state (awaited before a restore). */
  settle?(): Promise<void>
}

/** Minimal document store API the services use for their own durable state (outbox, consents, files' metadata). */
export interface InternalStore {
  insert(collection: string, doc: Record<string, unknown>): Promise<string>
  find(
    collection: string,
    query: Record<string, unknown>,
    opts?: { sort?: Record<string, 1 | -1>; limit?: number; skip?: number },
  ): Promise<Record<string, unknown>[]>
  update(
    collection: string,
    query: Record<string, unknown>,
    update: Record<string, unknown>,
  ): Promise<number>
  remove(collection: string, query: Record<string, unknown>): Promise<number>
}

/** The running emulator as services see it. */
export interface EmulatorCore {
  readonly envId: string
  readonly url: string
  readonly clock: Clock
  /** Directory for this emulator's data, or undefined with --memory. */
  readonly dataDir?: string
  readonly functionsDir: string
  /** Where collections, indexes and subscription templates are declared. */
  readonly databaseDir: string
  readonly store: InternalStore
  /** The web SDK's sign-in: the custom-login key, tickets and access tokens. */
  readonly webAuth: WebAuth
  /**
   * Whether the header gateway (`POST /fn/:name` as whoever `x-woodpecker-openid` names) is served:
   * only to a dev server on loopback; deployed-like, only the web SDK's signed-in calls are.
   */
  readonly devGateway: boolean
  registerAction(action: string, handler: AdminHandler): void
  /** Routes by method and path prefix, e.g. ('POST', '/fn/'). */
  registerRoute(method: string, pathPrefix: string, handler: RouteHandler): void
  /** Environment variables an SDK process needs to reach this emulator. */
  sdkEnv(): Record<string, string>
  /** Extra environment variables every function invocation gets (CloudBase's per-function variables). */
  functionEnv(): Record<string, string>
  /** The open APIs a function's config.json permits (`permissions.openapi`). */
  functionPermissions(functionName: string): string[]
  /** Lets the functions service map a request's `wxCloudApiToken` to the invocation that made it. */
  registerCallerResolver(resolve: (token: string) => InvocationIdentity | undefined): void
  log(message: string): void
  /** Makes a service's in-memory state part of the emulator's snapshots (RunningEmulator.snapshot). */
  keepState(name: string, keeper: StateKeeper): void
  onStop(fn: () => Promise<void> | void): void
  /**
   * Delivers a platform message push (e.g. wxa_media_check) to the function configured for it; true
   * when the first attempt was answered ok (retries follow on the clock).
   */
  pushMessage(event: Record<string, unknown>): Promise<boolean>
  /** Lets the functions service handle message pushes. */
  registerMessagePush(deliver: (event: Record<string, unknown>) => Promise<boolean>): void
}

/** A service plugged into the emulator. */
export type EmulatorService = (core: EmulatorCore) => Promise<void> | void
