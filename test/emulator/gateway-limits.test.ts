// The local gateway survives hostile JSON: size and depth are refused before a worker sees the event,
// answered as input.invalid in the envelope shape, and later calls stay fast.
import { startSdkEmulator, type SdkEmulator } from './helpers/sdk-emulator'
import { FIXTURE_DATABASE, FIXTURE_FUNCTIONS } from './helpers/fixtures'
import { MAX_EVENT_BYTES, MAX_EVENT_DEPTH } from '../../emulator/src/functions/event-limits'

const nested = (depth: number): string => '['.repeat(depth) + ']'.repeat(depth)

describe('gateway limits', () => {
  let emu: SdkEmulator
  let url: string
  beforeAll(async () => {
    emu = await startSdkEmulator({ databaseDir: FIXTURE_DATABASE, functionsDir: FIXTURE_FUNCTIONS })
    url = emu.emulator.url
  })
  afterAll(() => emu.emulator.stop())

  const post = async (body: string) => {
    const res = await fetch(`${url}/fn/echo`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': 'o-hostile' },
      body,
    })
    return { status: res.status, json: (await res.json()) as Record<string, unknown> }
  }
  const calls = async () =>
    ((await emu.db.collection('calls').where({ openid: 'o-hostile' }).count()) as { total: number })
      .total

  it.each([
    ['5,000 levels of arrays', `{"action":"x","input":${nested(5000)}}`],
    [
      '5,000 levels of objects',
      `{"action":"x","input":${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}}`,
    ],
    ['one level past the limit', `{"input":${nested(MAX_EVENT_DEPTH)}}`],
    [
      'a body over the size limit',
      JSON.stringify({ action: 'x', input: 'x'.repeat(MAX_EVENT_BYTES) }),
    ],
    ['text that is not JSON', '{"action": '],
  ])('refuses %s with input.invalid and never runs the function', async (_name, body) => {
    const { status, json } = await post(body)
    expect(status).toBe(200)
    expect(json).toMatchObject({ ok: false, code: 'input.invalid' })
    expect(typeof json.message).toBe('string')
    expect(await calls()).toBe(0)
  })

  it('counts brackets inside strings as text, and lets legitimate depth through', async () => {
    const { json } = await post(
      JSON.stringify({ tag: 'o-hostile', text: '[[[[{{{{'.repeat(100), ok: nested(4) }),
    )
    expect(json).toMatchObject({ openid: 'o-hostile' })
    expect(await calls()).toBe(1)
  })

  it('refuses deep request_data from a function too', async () => {
    const res = (await emu.cloud.callFunction({
      name: 'echo',
      data: JSON.parse(`{"a":${nested(MAX_EVENT_DEPTH + 5)}}`),
    })) as { result: Record<string, unknown> }
    expect(res.result).toMatchObject({ ok: false, code: 'input.invalid' })
  })

  it('listens on loopback unless asked otherwise', () => {
    expect(new URL(url).hostname).toBe('127.0.0.1')
  })
})
