// Warm workers per function: each runs one invocation at a time with its own identity, is killed
// on timeout, and is replaced when the built index.js changes.
import { existsSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { Worker } from 'node:worker_threads'
import { WORKER_SOURCE } from './worker-source'
import type { InvocationTime } from '../clock'

export interface FunctionConfig {
  timeout: number
  openapi: string[]
  triggers: Array<{ name: string; type: string; config: string }>
  /** Message pushes this function receives (production: 云开发控制台 → 设置 → 消息推送). */
  messagePush: Array<{ msgType: string; event?: string }>
}

export interface InvocationResult {
  ok: boolean
  /** JSON text of the function's return value. */
  result?: string
  error?: string
  timedOut?: boolean
}

interface Slot {
  worker: Worker
  busy: boolean
  mtime: number
  /** Its first invocation (the function's module load with it) has ended. */
  warm: boolean
}

const MAX_WORKERS_PER_FUNCTION = 8

/** Reads a function's config.json, with production's defaults. */
export function readFunctionConfig(dir: string): FunctionConfig {
  const path = join(dir, 'config.json')
  const raw = existsSync(path)
    ? (JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>)
    : {}
  const permissions = (raw.permissions ?? {}) as { openapi?: string[] }
  return {
    timeout: typeof raw.timeout === 'number' && raw.timeout > 0 ? raw.timeout : 3,
    openapi: permissions.openapi ?? [],
    triggers: (raw.triggers as FunctionConfig['triggers']) ?? [],
    messagePush: (raw.messagePush as FunctionConfig['messagePush']) ?? [],
  }
}

/** Runs the built functions of one folder. */
export class FunctionPool {
  private readonly slots = new Map<string, Slot[]>()
  /** Each function's config.json as read for the build whose index.js has the given mtime. */
  private readonly configs = new Map<string, { mtime: number; config: FunctionConfig }>()
  private readonly waiting = new Map<string, Array<() => void>>()
  private seq = 0
  private running = 0
  private idleWaiters: Array<() => void> = []

  constructor(
    private readonly functionsDir: string,
    private readonly baseEnv: Record<string, string>,
  ) {}

  /** True when `<dir>/<name>/index.js` exists. */
  exists(name: string): boolean {
    return (
      /^[A-Za-z0-9_-]+$/.test(name) && !name.startsWith('_') && this.builtAt(name) !== undefined
    )
  }

  private entry(name: string): string {
    return join(this.functionsDir, name, 'index.js')
  }

  /** The mtime of the function's built index.js; undefined when it is not built. */
  private builtAt(name: string): number | undefined {
    return statSync(this.entry(name), { throwIfNoEntry: false })?.mtimeMs
  }

  /** The function's config, read again only when the function is rebuilt. */
  config(name: string): FunctionConfig {
    const mtime = this.builtAt(name) ?? -1
    const known = this.configs.get(name)
    if (known?.mtime === mtime) return known.config
    const config = readFunctionConfig(join(this.functionsDir, name))
    this.configs.set(name, { mtime, config })
    return config
  }

  /** Invokes a function with the given per-invocation environment; its `Date` reads `time`. */
  async invoke(
    name: string,
    event: unknown,
    context: unknown,
    env: Record<string, string>,
    time: InvocationTime = { offset: 0 },
  ): Promise<InvocationResult> {
    this.running++
    try {
      return await this.run(name, event, context, env, time)
    } finally {
      this.running--
      if (this.running === 0) this.idleWaiters.splice(0).forEach((wake) => wake())
    }
  }

  /** Resolves once no invocation is running or waiting for a worker. */
  idle(): Promise<void> {
    if (this.running === 0) return Promise.resolve()
    return new Promise((wake) => this.idleWaiters.push(wake))
  }

  private async run(
    name: string,
    event: unknown,
    context: unknown,
    env: Record<string, string>,
    time: InvocationTime,
  ): Promise<InvocationResult> {
    const timeoutMs = this.config(name).timeout * 1000
    const slot = await this.acquire(name)
    const id = ++this.seq
    return new Promise<InvocationResult>((resolve) => {
      let settled = false
      const finish = (r: InvocationResult, reusable: boolean): void => {
        if (settled) return
        settled = true
        clearTimeout(timer)
        slot.worker.off('message', onMessage)
        slot.worker.off('error', onError)
        slot.worker.off('exit', onExit)
        slot.warm = true
        if (reusable) this.release(name, slot)
        else this.discard(name, slot)
        resolve(r)
      }
      const onMessage = (msg: {
        id: number
        ok: boolean
        result?: string
        error?: string
      }): void => {
        if (msg.id === id) finish({ ok: msg.ok, result: msg.result, error: msg.error }, true)
      }
      const onError = (error: Error): void =>
        finish({ ok: false, error: String(error.stack ?? error) }, false)
      const onExit = (code: number): void =>
        finish({ ok: false, error: `function process exited with code ${code}` }, false)
      const timer = setTimeout(() => {
        finish(
          {
            ok: false,
            timedOut: true,
            error: `Invoking task timed out after ${timeoutMs / 1000} seconds`,
          },
          false,
        )
      }, timeoutMs)
      slot.worker.on('message', onMessage)
      slot.worker.on('error', onError)
      slot.worker.on('exit', onExit)
      // A running invocation never keeps the process alive by itself (a test process ends when its
      // tests do, even while its shared backend still answers a callback): a 'message' listener
      // refs the worker again, and the timeout is a timer of its own.
      slot.worker.unref()
      timer.unref()
      slot.worker.postMessage({ id, event, context, env, time })
    })
  }

  private async acquire(name: string): Promise<Slot> {
    const mtime = statSync(this.entry(name)).mtimeMs
    for (;;) {
      const slots = this.slots.get(name) ?? []
      for (const stale of slots.filter((s) => !s.busy && s.mtime !== mtime))
        this.discard(name, stale)
      const free = (this.slots.get(name) ?? []).find((s) => !s.busy && s.mtime === mtime)
      if (free) {
        free.busy = true
        return free
      }
      // One cold start at a time per function: on a small machine a burst of callers is served
      // sooner by warm workers freeing up than by many module loads competing for the CPU.
      const current = this.slots.get(name) ?? []
      if (current.length < MAX_WORKERS_PER_FUNCTION && current.every((s) => s.warm)) {
        const slot: Slot = { worker: this.spawn(name), busy: true, mtime, warm: false }
        this.slots.set(name, [...(this.slots.get(name) ?? []), slot])
        return slot
      }
      await new Promise<void>((r) => this.waiting.set(name, [...(this.waiting.get(name) ?? []), r]))
    }
  }

  private spawn(name: string): Worker {
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { entry: this.entry(name) },
      env: { ...process.env, ...this.baseEnv },
      stdout: false,
      stderr: false,
    })
    worker.unref()
    return worker
  }

  private release(name: string, slot: Slot): void {
    slot.busy = false
    const next = this.waiting.get(name)?.shift()
    if (next) next()
  }

  private discard(name: string, slot: Slot): void {
    this.slots.set(
      name,
      (this.slots.get(name) ?? []).filter((s) => s !== slot),
    )
    void slot.worker.terminate()
    const next = this.waiting.get(name)?.shift()
    if (next) next()
  }

  /** Terminates every worker. */
  async close(): Promise<void> {
    const all = [...this.slots.values()].flat()
    this.slots.clear()
    await Promise.all(all.map((s) => s.worker.terminate()))
  }
}
