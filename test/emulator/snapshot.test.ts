// A snapshot of the emulator puts back everything a client can observe: documents, stored files,
// the open API stand-ins' settings, the function environment, and a still clock with its timers.
import { createStillClock, STILL_START } from '../../emulator/src/clock'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS, gateway } from './helpers/fixtures'

describe('emulator snapshot and restore', () => {
  let emu: SdkEmulator
  const clock = createStillClock()
  beforeAll(async () => {
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock,
    })
  })
  afterAll(() => emu.emulator.stop())

  const url = () => emu.emulator.url
  const calls = async () =>
    (
      (await emu.db.collection('calls').orderBy('time', 'asc').get()) as unknown as {
        data: Array<{ tag: string; time?: string }>
      }
    ).data.map((c) => `${c.tag}@${c.time ?? ''}`)
  const upload = async (path: string) =>
    fetch(`${url()}/_emulator/upload?path=${encodeURIComponent(path)}`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg' },
      body: new Uint8Array([1, 2, 3]),
    })
  const mediaDefault = async () =>
    (
      (await (await fetch(`${url()}/_emulator/media-check`)).json()) as {
        config: { default: string }
      }
    ).config.default
  const flag = async () => (await gateway(url(), 'clock', {})).json.env

  it('puts documents, files, stand-ins, the function environment and the clock back', async () => {
    expect((await upload('kept/a.jpg')).status).toBe(200)
    const snap = emu.emulator.snapshot()

    await emu.db.collection('calls').add({ data: { tag: 'after-snapshot' } })
    expect((await upload('later/b.jpg')).status).toBe(200)
    await fetch(`${url()}/_emulator/media-check`, {
      method: 'PUT',
      body: JSON.stringify({ default: 'risky' }),
    })
    emu.emulator.setFunctionEnv({ WOODPECKER_FLAG: 'on' })
    await clock.advance(2 * 60_000)
    expect(await calls()).toHaveLength(3)
    expect([await mediaDefault(), await flag()]).toEqual(['risky', 'on'])

    await emu.emulator.restore(snap)
    expect(clock.now()).toBe(STILL_START)
    expect(await calls()).toEqual([])
    expect([await mediaDefault(), await flag()]).toEqual(['pass', ''])
    const files = (await emu.cloud.getTempFileURL({
      fileList: [
        `cloud://${emu.emulator.envId}.7465-${emu.emulator.envId}-1300000000/kept/a.jpg`,
        `cloud://${emu.emulator.envId}.7465-${emu.emulator.envId}-1300000000/later/b.jpg`,
      ],
    })) as { fileList: Array<{ status: number }> }
    const [kept, later] = files.fileList.map((f) => f.status)
    expect([kept, later === 0]).toEqual([0, false])
  })

  it('after a restore, the timers pending at the snapshot fire again at their times', async () => {
    const snap = emu.emulator.snapshot()
    await clock.advance(60_000)
    const first = await calls()
    await emu.emulator.restore(snap)
    await clock.advance(60_000)
    expect(await calls()).toEqual(first)
    expect(first.length).toBeGreaterThan(0)
  })
})
