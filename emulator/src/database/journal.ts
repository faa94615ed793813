// The durable log: one JSON line per committed batch, appended and fdatasync'd before the write is
// acknowledged. Concurrent writers share one sync (group commit). A torn last line (kill -9 during
// a write) was never acknowledged and is dropped on replay.
import { EJSON } from 'bson'
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  truncateSync,
  writeSync,
} from 'node:fs'
import { open, type FileHandle } from 'node:fs/promises'
import { dirname } from 'node:path'
import type { Doc } from '../ejson'

export type LogOp =
  | { op: 'put'; c: string; d: Doc }
  | { op: 'del'; c: string; id: string }
  | { op: 'create'; c: string }
  | { op: 'drop'; c: string }

export class Journal {
  private handle?: FileHandle
  private pending: string[] = []
  private waiters: Array<{ resolve: () => void; reject: (e: unknown) => void }> = []
  private flushing = false
  private durable = true
  lines = 0

  constructor(readonly path: string) {}

  /** Reads every complete batch in the log, dropping a torn tail. */
  replay(apply: (ops: LogOp[]) => void): void {
    if (!existsSync(this.path)) return
    const buf = readFileSync(this.path)
    let offset = 0
    let goodEnd = 0
    while (offset < buf.length) {
      const nl = buf.indexOf(10, offset)
      if (nl < 0) break
      const line = buf.toString('utf8', offset, nl)
      offset = nl + 1
      if (!line) continue
      let ops: LogOp[]
      try {
        ops = EJSON.parse(line, { relaxed: true }) as unknown as LogOp[]
      } catch {
        break
      }
      apply(ops)
      this.lines++
      goodEnd = offset
    }
    if (goodEnd < buf.length) truncateSync(this.path, goodEnd)
  }

  /** Rewrites the log as the given batches (a snapshot), atomically. */
  rewrite(batches: LogOp[][]): void {
    const tmp = `${this.path}.compact`
    const fd = openSync(tmp, 'w')
    for (const ops of batches) writeSync(fd, serialize(ops))
    fsyncSync(fd)
    closeSync(fd)
    renameSync(tmp, this.path)
    const dirFd = openSync(dirname(this.path), 'r')
    fsyncSync(dirFd)
    closeSync(dirFd)
    this.lines = batches.length
  }

  /** Opens the log for appending. */
  async open(): Promise<void> {
    this.handle = await open(this.path, 'a')
  }

  /** Appends one batch; resolves once it is on disk. */
  append(ops: LogOp[]): Promise<void> {
    this.pending.push(serialize(ops))
    this.lines++
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }))
    if (!this.flushing) void this.flush()
    return done
  }

  private async flush(): Promise<void> {
    this.flushing = true
    while (this.pending.length > 0) {
      const data = this.pending.join('')
      const waiters = this.waiters
      this.pending = []
      this.waiters = []
      try {
        if (!this.handle) throw new Error('journal is not open')
        await this.handle.write(data)
        if (this.durable) await this.handle.datasync()
        waiters.forEach((w) => w.resolve())
      } catch (error) {
        waiters.forEach((w) => w.reject(error))
      }
    }
    this.flushing = false
  }

  /**
   * Off: appends are acknowledged once written to the OS (they survive a killed process, not a power
   * cut) — for a bulk load that can be redone. Turning it back on waits until everything is on disk.
   */
  async setDurable(durable: boolean): Promise<void> {
    this.durable = durable
    if (!durable || !this.handle) return
    while (this.flushing || this.pending.length) await new Promise((r) => setImmediate(r))
    await this.handle.datasync()
  }

  /** Waits for pending writes and closes the file. */
  async close(): Promise<void> {
    while (this.flushing || this.pending.length) await new Promise((r) => setImmediate(r))
    await this.handle?.close()
    this.handle = undefined
  }
}

function serialize(ops: LogOp[]): string {
  return EJSON.stringify(ops as unknown as Doc, { relaxed: true }) + '\n'
}
