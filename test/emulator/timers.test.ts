// Timer triggers fire on the emulator's clock, in order, as 7-field UTC+8 crons.
import { createManualClock } from '../../emulator/src/clock'
import { nextFire, parseCron } from '../../emulator/src/timers/cron'
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS } from './helpers/fixtures'

const at = (iso: string) => Date.parse(iso)

describe('cron (UTC+8)', () => {
  it.each([
    ['0 * * * * * *', '2026-11-24T00:00:30Z', '2026-11-24T00:01:00Z'],
    ['0 0 8 * * * *', '2026-11-24T00:00:30Z', '2026-11-25T00:00:00Z'],
    ['0 0 8 * * * *', '2026-11-23T23:00:00Z', '2026-11-24T00:00:00Z'],
    ['0 */15 * * * * *', '2026-11-24T00:16:00Z', '2026-11-24T00:30:00Z'],
    ['0 0 9 * * MON *', '2026-11-24T00:00:00Z', '2026-11-30T01:00:00Z'],
    ['0 30 17 1 * * *', '2026-11-24T00:00:00Z', '2026-12-01T09:30:00Z'],
  ])('%s after %s fires at %s', (cron, after, expected) => {
    expect(new Date(nextFire(parseCron(cron), at(after))!).toISOString()).toBe(
      new Date(expected).toISOString(),
    )
  })

  it.each([['* * * * *'], ['61 * * * * * *'], ['0 0 25 * * * *']])('rejects %s', (cron) => {
    expect(() => parseCron(cron)).toThrow()
  })
})

describe('timer triggers under a manual clock', () => {
  let emu: SdkEmulator
  const clock = createManualClock(at('2026-11-23T23:59:30Z'))
  beforeAll(async () => {
    emu = await startSdkEmulator({
      databaseDir: FIXTURE_DATABASE,
      functionsDir: FIXTURE_FUNCTIONS,
      clock,
    })
  })
  afterAll(() => emu.emulator.stop())

  it('fires due triggers in order as time advances', async () => {
    await clock.advance(3 * 60_000)
    const res = (await emu.db
      .collection('calls')
      .where({ tag: emu.db.command.in(['timer:every-minute', 'timer:daily-8am']) })
      .orderBy('time', 'asc')
      // Two firings at one instant: ties ordered by name, never by chance.
      .orderBy('tag', 'asc')
      .get()) as unknown as { data: Array<{ tag: string; time: string; source: string }> }
    // Like production's timer triggers: SOURCE wx_trigger, never just "no OPENID".
    expect(new Set(res.data.map((r) => r.source))).toEqual(new Set(['wx_trigger']))
    expect(res.data.map((r) => `${r.tag}@${r.time}`)).toEqual([
      'timer:daily-8am@2026-11-24T00:00:00.000Z',
      'timer:every-minute@2026-11-24T00:00:00.000Z',
      'timer:every-minute@2026-11-24T00:01:00.000Z',
      'timer:every-minute@2026-11-24T00:02:00.000Z',
    ])
  })

  it('a jump fires each due trigger once (missed occurrences coalesce), then the cron resumes', async () => {
    const before = (await emu.db.collection('calls').count()) as unknown as { total: number }
    await clock.jump(at('2026-11-26T00:30:00Z'))
    const res = (await emu.db
      .collection('calls')
      .where({ tag: emu.db.command.in(['timer:every-minute', 'timer:daily-8am']) })
      .orderBy('time', 'asc')
      .skip(before.total)
      .get()) as unknown as { data: Array<{ tag: string; time: string }> }
    // Two days and many minutes passed; each trigger fired once, at its first missed time.
    expect(res.data.map((r) => r.tag).sort()).toEqual(['timer:daily-8am', 'timer:every-minute'])
    await clock.advance(60_000)
    const next = (await emu.db
      .collection('calls')
      .where({ tag: 'timer:every-minute' })
      .orderBy('time', 'desc')
      .limit(1)
      .get()) as unknown as { data: Array<{ time: string }> }
    expect(next.data[0].time).toBe('2026-11-26T00:31:00.000Z')
  })
})
