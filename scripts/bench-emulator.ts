// `npm run bench:emulator`: prints the emulator's figures — SDK call overhead, 1M inserts, an indexed
// page at 10k and 1M, a $group at 1M, restart time and memory at 1M, a warm function invocation, and
// a simulated day of a per-minute timer through POST /_emulator/clock (alone: `-- --clock`).
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import {
  createManualClock,
  createStillClock,
  type RunningEmulator,
  startEmulator,
} from '../emulator/src/index'
import type { LogOp } from '../emulator/src/database/journal'

const ROOT = resolve(__dirname, '..')
const FLOORS = 111
const STATUSES = ['pending', 'processing', 'rectifying', 'reviewing', 'fixed', 'closed']
const CATEGORIES = 12

/** Median and p95 of a list of milliseconds, formatted. */
export function summarize(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b)
  const at = (q: number) => s[Math.min(s.length - 1, Math.floor(q * s.length))]
  return `median ${at(0.5).toFixed(2)} ms · p95 ${at(0.95).toFixed(2)} ms (n=${s.length})`
}

/** Times `fn` n times after a warm-up. */
export async function timeIt(n: number, fn: (i: number) => Promise<unknown>): Promise<number[]> {
  for (let i = 0; i < Math.min(20, n); i++) await fn(i)
  const out: number[] = []
  for (let i = 0; i < n; i++) {
    const t = performance.now()
    await fn(i)
    out.push(performance.now() - t)
  }
  return out
}

function ticket(i: number): Record<string, unknown> {
  return {
    _id: `t${i}`,
    floorId: `F${i % FLOORS}`,
    buildingId: `B${i % 29}`,
    categoryId: `c${i % CATEGORIES}`,
    status: STATUSES[(i * 7) % STATUSES.length],
    level: i % 4,
    ownerId: `u${i % 230}`,
    reporterId: `r${i % 5000}`,
    description: '走廊消防通道被杂物堵塞，需要尽快清理',
    photos: [`cloud://env.7465-env/photos/${i}.jpg`],
    createdAt: new Date(Date.UTC(2026, 0, 1) + i * 30_000),
    updatedAt: new Date(Date.UTC(2026, 0, 1) + i * 30_000),
    version: 1,
  }
}

function benchDatabaseDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'woodpecker-bench-db-'))
  mkdirSync(join(dir, 'collections'))
  writeFileSync(
    join(dir, 'collections', 'tickets.json'),
    JSON.stringify({
      indexes: [{ name: 'floor_status_created', keys: { floorId: 1, status: 1, createdAt: -1 } }],
    }),
  )
  writeFileSync(join(dir, 'collections', 'calls.json'), JSON.stringify({ indexes: [] }))
  return dir
}

async function insert(emu: RunningEmulator, from: number, to: number): Promise<number> {
  const t = performance.now()
  for (let i = from; i < to; i += 10_000) {
    const ops: LogOp[] = []
    for (let k = i; k < Math.min(to, i + 10_000); k++)
      ops.push({ op: 'put', c: 'tickets', d: ticket(k) })
    await emu.engine.commit(ops)
  }
  return performance.now() - t
}

async function pageBench(db: ReturnType<typeof import('wx-server-sdk').database>): Promise<string> {
  const ms = await timeIt(50, async (i) => {
    await db
      .collection('tickets')
      .where({ floorId: `F${i % FLOORS}`, status: 'pending' })
      .orderBy('createdAt', 'desc')
      .limit(20)
      .get()
  })
  return summarize(ms)
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'woodpecker-bench-data-'))
  const databaseDir = benchDatabaseDir()
  const emu = await startEmulator({
    port: 0,
    dataDir,
    quiet: true,
    clock: createStillClock(),
    databaseDir,
    functionsDir: join(ROOT, 'test', 'emulator', 'fixtures', 'functions'),
  })
  Object.assign(process.env, emu.sdkEnv())

  const cloud = require('wx-server-sdk') as typeof import('wx-server-sdk')
  cloud.init({ env: emu.envId })
  const db = cloud.database()
  console.log(
    'Woodpecker emulator benchmark (durable mode: every write fdatasync-ed before it is acknowledged)\n',
  )

  await emu.engine.commit([{ op: 'put', c: 'tickets', d: ticket(-1) }])
  console.log(
    `doc().get() through the real SDK         ${summarize(
      await timeIt(300, async () => {
        await db.collection('tickets').doc('t-1').get()
      }),
    )}`,
  )

  const t10k = await insert(emu, 0, 10_000)
  console.log(
    `insert 10k ticket-like documents        ${(t10k / 1000).toFixed(2)} s (engine batches of 10k, one journal sync each)`,
  )
  console.log(`page of 20 (floor+status, by createdAt) at 10k   ${await pageBench(db)}`)

  const t1m = await insert(emu, 10_000, 1_000_000)
  console.log(
    `insert 1M ticket-like documents         ${((t10k + t1m) / 1000).toFixed(1)} s total, ${(statSync(join(dataDir, 'db.log')).size / 1e6).toFixed(0)} MB journal`,
  )
  console.log(
    `page of 20 (floor+status, by createdAt) at 1M    ${await pageBench(db)}   (target ≤ 50 ms)`,
  )
  const $ = db.command.aggregate
  const agg = await timeIt(3, async () => {
    await db
      .collection('tickets')
      .aggregate()
      .group({ _id: '$categoryId', n: $.sum(1) })
      .limit(100)
      .end()
  })
  console.log(`aggregate $group by category at 1M       ${summarize(agg)}`)

  console.log(
    `warm function invocation, one write      ${await warmInvocation(emu)}   (target ≤ 15 ms median)`,
  )
  await emu.stop()

  const child = execFileSync(
    process.execPath,
    [
      '--max-old-space-size=8192',
      '--import',
      'tsx',
      '-e',
      `
    const t = performance.now()
    require('./emulator/src/index').startEmulator({ port: 0, dataDir: ${JSON.stringify(dataDir)}, quiet: true, databaseDir: ${JSON.stringify(databaseDir)} }).then(async (e) => {
      const ms = performance.now() - t
      global.gc?.()
      console.log(JSON.stringify({ ms, rss: process.memoryUsage().rss, heap: process.memoryUsage().heapUsed, docs: e.engine.count('tickets', {}) }))
      await e.stop()
    })`,
    ],
    { cwd: ROOT, encoding: 'utf8' },
  )
  const r = JSON.parse(child.trim().split('\n').pop() ?? '{}') as {
    ms: number
    rss: number
    heap: number
    docs: number
  }
  console.log(
    `restart with 1M documents               ${(r.ms / 1000).toFixed(1)} s to replay ${r.docs} documents; RSS ${(r.rss / 1e9).toFixed(2)} GB, heap ${(r.heap / 1e9).toFixed(2)} GB`,
  )
  rmSync(dataDir, { recursive: true, force: true })
  rmSync(databaseDir, { recursive: true, force: true })
}

/** One simulated day of the fixture's per-minute timer (each firing a function invocation with one write). */
async function clockDay(): Promise<string> {
  const emu = await startEmulator({
    port: 0,
    memory: true,
    quiet: true,
    databaseDir: join(ROOT, 'test', 'emulator', 'fixtures', 'database'),
    functionsDir: join(ROOT, 'test', 'emulator', 'fixtures', 'functions'),
    clock: createManualClock(Date.parse('2026-11-24T00:00:30Z')),
  })
  const t = performance.now()
  const res = (await (
    await fetch(`${emu.url}/_emulator/clock`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ advanceMs: 86_400_000 }),
    })
  ).json()) as { fired: number }
  const ms = performance.now() - t
  await emu.stop()
  return `${(ms / 1000).toFixed(1)} s for ${res.fired} firings (${(ms / res.fired).toFixed(2)} ms each, in memory)`
}

async function warmInvocation(emu: RunningEmulator): Promise<string> {
  const ms = await timeIt(200, (i) =>
    fetch(`${emu.url}/fn/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': `o-${i % 5}` },
      body: JSON.stringify({ tag: 'bench' }),
    }).then((r) => r.json()),
  )
  return summarize(ms)
}

if (require.main === module) {
  const run = process.argv.includes('--clock')
    ? clockDay().then((r) =>
        console.log(`POST /_emulator/clock, one day of a 1-minute timer   ${r}`),
      )
    : main().then(async () =>
        console.log(`POST /_emulator/clock, one day of a 1-minute timer   ${await clockDay()}`),
      )
  run.catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
}
