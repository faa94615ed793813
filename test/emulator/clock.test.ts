// The emulator clock reaches functions (their `new Date()` is the emulator's time) and moves over
// HTTP: GET/POST /_emulator/clock fire due timer triggers in order and answer when they are done.
import { spawn } from 'node:child_process'
import { resolve } from 'node:path'
import { SPAWN_BUDGET_MS, untilLine } from './helpers/child'
import { createManualClock } from '../../emulator/src/clock'
import { startEmulator } from '../../emulator/src/index'
import { clockTarget } from '../../emulator/src/services/clock'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS, gateway } from './helpers/fixtures'

const at = (iso: string) => Date.parse(iso)
const ROOT = resolve(__dirname, '..', '..')

async function clockPost(url: string, body: unknown) {
  const res = await fetch(`${url}/_emulator/clock`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  })
  return { status: res.status, json: (await res.json()) as Record<string, unknown> }
}

describe('functions see the emulator clock', () => {
  it('answers 2026-01-01 from new Date() under a manual clock set to 2026-01-01', async () => {
    const emu = await startEmulator({
      port: 0,
      memory: true,
      quiet: true,
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock: createManualClock(at('2026-01-01T00:00:00Z')),
      functionEnv: { WOODPECKER_FLAG: 'on' },
    })
    try {
      const { json } = await gateway(emu.url, 'clock', {})
      expect(String(json.iso)).toMatch(/^2026-01-01T00:0/)
      expect(new Date(Number(json.now)).toISOString()).toMatch(/^2026-01-01T00:0/)
      expect(String(json.called)).toContain('2026')
      expect(json).toMatchObject({
        epoch: '1970-01-01T00:00:00.000Z',
        parsed: '2030-05-06T07:08:09.000Z',
        utc: Date.UTC(2030, 0, 1),
        isDate: true,
        sameConstructor: true,
        tag: '[object Date]',
        stampYear: 2026,
        env: 'on',
      })
      // The function's environment can be replaced between invocations.
      emu.setFunctionEnv({})
      expect((await gateway(emu.url, 'clock', {})).json.env).toBe('')
    } finally {
      await emu.stop()
    }
  })

  it('keeps the machine time on the system clock', async () => {
    const emu = await startEmulator({
      port: 0,
      memory: true,
      quiet: true,
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
    })
    try {
      const before = Date.now()
      const { json } = await gateway(emu.url, 'clock', {})
      const after = Date.now()
      expect(Number(json.now)).toBeGreaterThanOrEqual(before)
      expect(Number(json.now)).toBeLessThanOrEqual(after)
      const post = await clockPost(emu.url, { advanceMs: 1000 })
      expect(post.status).toBe(400)
      expect(post.json).toMatchObject({
        code: 'CLOCK_NOT_MANUAL',
        message: expect.stringContaining('--manual-clock'),
      })
      const got = (await (await fetch(`${emu.url}/_emulator/clock`)).json()) as { now: string }
      expect(Date.parse(got.now)).toBeGreaterThanOrEqual(before)
    } finally {
      await emu.stop()
    }
  })
})

describe('clock over HTTP', () => {
  let emu: SdkEmulator
  let url: string
  const start = at('2026-11-23T23:59:30Z') // 07:59:30 in Beijing
  beforeAll(async () => {
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock: createManualClock(start),
    })
    url = emu.emulator.url
  })
  afterAll(() => emu.emulator.stop())

  const firings = async () =>
    (
      (await emu.db
        .collection('calls')
        .where({ tag: emu.db.command.in(['timer:every-minute', 'timer:daily-8am']) })
        .orderBy('time', 'asc')
        // Two firings at one instant run side by side: order ties by name, never by chance.
        .orderBy('tag', 'asc')
        .limit(1000)
        .get()) as unknown as { data: Array<{ tag: string; time: string; seen: string }> }
    ).data

  it('tells the time', async () => {
    const res = await fetch(`${url}/_emulator/clock`)
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual({ now: '2026-11-23T23:59:30.000Z' })
  })

  it('advances, firing every due trigger in time order, and answers when all have finished', async () => {
    const { status, json } = await clockPost(url, { advanceMs: 150_000 })
    expect(status).toBe(200)
    expect(json).toEqual({ now: '2026-11-24T00:02:00.000Z', fired: 4 })
    const rows = await firings()
    expect(rows.map((r) => `${r.tag}@${r.time}`)).toEqual([
      'timer:daily-8am@2026-11-24T00:00:00.000Z',
      'timer:every-minute@2026-11-24T00:00:00.000Z',
      'timer:every-minute@2026-11-24T00:01:00.000Z',
      'timer:every-minute@2026-11-24T00:02:00.000Z',
    ])
    // Each firing ran at its own minute on the function's clock too.
    for (const r of rows) expect(r.seen.slice(0, 16)).toBe(r.time.slice(0, 16))
  })

  it('moves to an ISO time', async () => {
    const { status, json } = await clockPost(url, { to: '2026-11-24T08:05:30+08:00' })
    expect(status).toBe(200)
    expect(json).toEqual({ now: '2026-11-24T00:05:30.000Z', fired: 3 })
    expect((await firings()).map((r) => r.time.slice(11, 16))).toEqual([
      '00:00',
      '00:00',
      '00:01',
      '00:02',
      '00:03',
      '00:04',
      '00:05',
    ])
  })

  it('serialises concurrent moves so every firing happens once, in order', async () => {
    const [a, b] = await Promise.all([
      clockPost(url, { advanceMs: 60_000 }),
      clockPost(url, { advanceMs: 60_000 }),
    ])
    expect([a.json.fired, b.json.fired]).toEqual([1, 1])
    expect((await firings()).map((r) => r.time.slice(11, 16))).toEqual([
      '00:00',
      '00:00',
      '00:01',
      '00:02',
      '00:03',
      '00:04',
      '00:05',
      '00:06',
      '00:07',
    ])
  })

  it('jumps: each due timer fires once, at the new time, not at every minute on the way', async () => {
    const before = (await firings()).length
    const { status, json } = await clockPost(url, { jumpMs: 3_600_000 })
    expect(status).toBe(200)
    expect(json).toEqual({ now: '2026-11-24T01:07:30.000Z', fired: 1 })
    const rows = await firings()
    expect(rows.length).toBe(before + 1)
    expect(rows.at(-1)?.tag).toBe('timer:every-minute')
    // It ran once, on the function's clock at the new time.
    expect(rows.at(-1)?.seen.slice(0, 16)).toBe('2026-11-24T01:07')
  })

  it.each([
    ['no body', '', /advanceMs|to/],
    ['not JSON', '{', /JSON/],
    ['both fields', { advanceMs: 1, to: '2027-01-01T00:00:00Z' }, /exactly one/],
    ['neither field', {}, /exactly one/],
    ['a string advanceMs', { advanceMs: '60000' }, /number/],
    ['a negative advanceMs', { advanceMs: -1 }, /backwards/],
    ['a negative jumpMs', { jumpMs: -1 }, /backwards/],
    ['advanceMs and jumpMs', { advanceMs: 1, jumpMs: 1 }, /exactly one/],
    ['a time without a zone', { to: '2027-01-01T08:00:00' }, /zone/],
    ['not a time', { to: 'tomorrow' }, /ISO/],
    ['a time in the past', { to: '2026-01-01T00:00:00Z' }, /backwards/],
  ])('refuses %s with 400', async (_name, body, message) => {
    const before = (await (await fetch(`${url}/_emulator/clock`)).json()) as { now: string }
    const { status, json } = await clockPost(url, body)
    expect(status).toBe(400)
    expect(String(json.message)).toMatch(message)
    const after = (await (await fetch(`${url}/_emulator/clock`)).json()) as { now: string }
    expect(after.now).toBe(before.now)
  })
})

describe('clockTarget', () => {
  const now = at('2026-01-01T00:00:00Z')
  it.each([
    [{ advanceMs: 0 }, { advanceMs: 0 }],
    [{ advanceMs: 1.5 }, { advanceMs: 1.5 }],
    [{ jumpMs: 3_600_000 }, { jumpMs: 3_600_000 }],
    [{ to: '2026-01-01T08:00:00+08:00' }, { to: now }],
    [{ to: '2026-01-02' }, { to: at('2026-01-02T00:00:00Z') }],
    [{ to: '2026-01-01T00:00:01.5Z' }, { to: now + 1500 }],
  ])('%j → %j', (body, expected) => {
    expect(clockTarget(body, now)).toEqual(expected)
  })
})

describe('npm run emulator -- --manual-clock', () => {
  it(
    'starts on a manual clock at real now',
    async () => {
      const before = Date.now()
      const child = spawn(
        process.execPath,
        [
          '--import',
          'tsx',
          resolve(ROOT, 'emulator', 'src', 'cli.ts'),
          '--memory',
          '--port',
          '0',
          '--manual-clock',
        ],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      try {
        let base = ''
        await untilLine(child, 'listening line', (line) => {
          base = /listening on (http:\/\/\S+)/.exec(line)?.[1] ?? ''
          return base !== ''
        })
        const got = (await (await fetch(`${base}/_emulator/clock`)).json()) as { now: string }
        expect(Date.parse(got.now)).toBeGreaterThanOrEqual(before)
        expect(Date.parse(got.now)).toBeLessThanOrEqual(Date.now())
        // An hour: every minute of it runs the built functions' timers (a day of them took 16 s).
        const moved = await clockPost(base, { advanceMs: 3_600_000 })
        expect(moved.status).toBe(200)
        expect(Date.parse(String(moved.json.now)) - Date.parse(got.now)).toBe(3_600_000)
      } finally {
        child.kill('SIGTERM')
        await new Promise((r) => child.once('exit', r))
      }
    },
    SPAWN_BUDGET_MS + 30_000,
  )
})
