// With --data, everything comes back after a restart; with kill -9 mid-burst, nothing acknowledged is lost.
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { SPAWN_BUDGET_MS, untilLine } from './helpers/child'
import { createStillClock, startEmulator } from '../../emulator/src/index'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS } from './helpers/fixtures'

const ROOT = resolve(__dirname, '..', '..')

describe('persistence', () => {
  let dir: string
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'woodpecker-emu-'))
  })
  afterEach(() => rmSync(dir, { recursive: true, force: true }))

  it('brings back every collection and stored file after a restart', async () => {
    const opts = {
      port: 0,
      dataDir: dir,
      quiet: true,
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock: createStillClock(),
    }
    const first = await startEmulator(opts)
    const store = first.core.store
    await first.engine.commit([{ op: 'create', c: 'extra' }])
    await first.engine.commit([
      { op: 'put', c: 'items', d: { _id: 'a', code: 'A', createdAt: new Date(0) } },
    ])
    await first.engine.commit([{ op: 'put', c: 'extra', d: { _id: 'x', n: 1 } }])
    await store.insert('_emu_files', { _id: 'f', path: 'p' })
    const upload = await fetch(`${first.url}/_emulator/upload?path=photos/a.jpg`, {
      method: 'POST',
      body: Buffer.from('jpeg-bytes'),
    })
    const { fileID } = (await upload.json()) as { fileID: string }
    await first.stop()

    const second = await startEmulator(opts)
    expect(second.engine.find('items', {})).toEqual([
      { _id: 'a', code: 'A', createdAt: new Date(0) },
    ])
    expect(second.engine.find('extra', {})).toEqual([{ _id: 'x', n: 1 }])
    const files = await second.core.store.find('_emu_files', { _id: fileID })
    expect(files).toHaveLength(1)
    await second.stop()
  })

  it('keeps SMS attempts and resumes a manual clock where it was moved to', async () => {
    const opts = {
      port: 0,
      dataDir: dir,
      quiet: true,
      databaseDir: FIXTURE_DATABASE,
      // No timer triggers: moving to 2099 fires nothing.
      functionsDir: join(dir, 'no-functions'),
    }
    const first = await startEmulator({ ...opts, clock: createStillClock() })
    const moved = (await (
      await fetch(`${first.url}/_emulator/clock`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ to: '2099-01-01T00:00:00Z' }),
      })
    ).json()) as { now: string }
    expect(moved.now).toBe('2099-01-01T00:00:00.000Z')
    await fetch(`${first.url}/_emulator/sms/`, {
      method: 'POST',
      headers: { authorization: 'x', 'x-tc-action': 'SendSms', 'x-tc-version': '2021-01-11' },
      body: JSON.stringify({
        PhoneNumberSet: ['+8613800000001'],
        SmsSdkAppId: '1400000000',
        SignName: '啄木鸟',
        TemplateId: '100001',
        TemplateParamSet: ['7号楼3层', '电梯'],
      }),
    })
    await first.stop()

    const second = await startEmulator({ ...opts, clock: createStillClock() })
    const clock = (await (await fetch(`${second.url}/_emulator/clock`)).json()) as { now: string }
    expect(clock.now).toBe('2099-01-01T00:00:00.000Z')
    const texts = (await (await fetch(`${second.url}/_emulator/sms`)).json()) as Array<
      Record<string, unknown>
    >
    expect(texts).toMatchObject([
      { phone: '+8613800000001', code: 'Ok', at: '2099-01-01T00:00:00.000Z' },
    ])
    await second.stop()
  })

  it(
    'loses nothing acknowledged when killed with SIGKILL in the middle of a write burst',
    async () => {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(__dirname, 'fixtures', 'write-burst.ts'), dir, FIXTURE_DATABASE],
        { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
      )
      const acknowledged: string[] = []
      await untilLine(child, '300 acknowledged writes', (line) => {
        if (line.startsWith('ack ')) acknowledged.push(line.slice(4))
        return acknowledged.length >= 300
      })
      child.kill('SIGKILL')
      await new Promise((r) => child.once('exit', r))
      const restarted = await startEmulator({
        port: 0,
        dataDir: dir,
        quiet: true,
        databaseDir: FIXTURE_DATABASE,
        functionsDir: FIXTURE_FUNCTIONS,
      })
      const stored = new Set(restarted.engine.find('items', {}).map((d) => String(d._id)))
      expect(acknowledged.filter((id) => !stored.has(id))).toEqual([])
      await restarted.stop()
    },
    SPAWN_BUDGET_MS + 30_000,
  )
})
