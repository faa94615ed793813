// Evidence must exist: a report's photos and a fix's after-photos are files this environment
// stored in an upload slot the server handed to the caller. Every other id is refused as input.invalid
// naming the photo, and nothing is written — for the report and for the after-photo that proves a fix.
import { settledFingerprint, storeFingerprint } from './helpers/snapshot'
import { storePhoto } from '../../scripts/seed/photos'
import { startBackend, type Backend } from './helpers/backend'
import type { TicketView } from '../../types/api/ticket'
import { MAX_FILE_ID_LENGTH, MAX_PHOTOS } from '../../types/ticket'

const STAFF = 'demo-staff'
const CAPTAIN = 'demo-floor-captain'
const FLOOR = 'B07F03'

describe('evidence must exist', () => {
  let b: Backend
  let bucket: string // cloud://<env>.<bucket>/
  let ticket: TicketView // open, with the captain, for the after-photo cases
  let seq = 0
  const own: Record<string, string> = {} // each party's stored photo
  const slot = async (openid: string) =>
    (await b.okAs<{ prefixes: string[] }>(openid, 'media', 'uploadSlots', { count: 1 })).prefixes[0]
  const checksSettled = async () => {
    const pending = () => b.db.collection('media_checks').where({ status: 'pending' }).count()
    for (let i = 0; i < 500 && ((await pending()) as { total: number }).total > 0; i++)
      await new Promise((r) => setImmediate(r))
  }

  beforeAll(async () => {
    b = await startBackend({ seed: true })
    // Photo checks call back at once, so no verdict lands in the middle of a case.
    await fetch(`${b.url}/_emulator/media-check`, {
      method: 'PUT',
      body: JSON.stringify({ rules: [], default: 'pass', delayMs: 0 }),
    })
    own[STAFF] = await b.photo(STAFF)
    own[CAPTAIN] = await b.photo(CAPTAIN)
    bucket = own[STAFF].slice(0, own[STAFF].indexOf('/', 'cloud://'.length) + 1)
    ticket = await b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: 'evidence-open-ticket',
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [own[STAFF]],
    })
    await checksSettled()
  }, 60_000)
  afterAll(() => b.stop())

  it('hands out slots that name nobody and are never the same twice', async () => {
    const { prefixes } = await b.okAs<{ prefixes: string[] }>(STAFF, 'media', 'uploadSlots', {
      count: MAX_PHOTOS,
    })
    expect(prefixes).toHaveLength(MAX_PHOTOS)
    expect(new Set(prefixes).size).toBe(MAX_PHOTOS)
    for (const p of prefixes) {
      expect(p).toMatch(/^photos\/[0-9a-f]+-[0-9a-f]+\/$/)
      expect(p).not.toMatch(/staff|u-|demo/)
    }
    expect(own[STAFF].startsWith(bucket)).toBe(true)
    await expect(
      b.callAs('o-stranger', 'media', 'uploadSlots', { count: 1 }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.unknown_user' })
  })

  // Each case: the photos `me` would give, where `them` is someone else.
  const bad = (): Array<[string, (me: string, them: string) => Promise<string[]>]> => [
    ['never uploaded, in an own slot', async (me) => [`${bucket}${await slot(me)}never.jpg`]],
    [
      'another environment',
      async (me) => [`cloud://elsewhere.7465-elsewhere-1300000000/${await slot(me)}a.jpg`],
    ],
    ["another user's upload (which exists)", async (_me, them) => [own[them]]],
    ["in another user's slot", async (_me, them) => [`${bucket}${await slot(them)}x.jpg`]],
    [
      'in a forged slot',
      async () => [`${bucket}photos/0123456789abcdef-0123456789abcdef01234567/x.jpg`],
    ],
    [
      'stored outside any slot',
      async () => [
        (await b.sdk.uploadFile({ cloudPath: 'uploads/admin.jpg', fileContent: Buffer.from('x') }))
          .fileID,
      ],
    ],
    [
      'nested below an own slot',
      async (me) => [await storePhoto(b.url, me, 'deeper/x.jpg').catch(() => 'cloud://x/y')],
    ],
    [
      'climbing out of an own slot',
      async (me, them) => [`${bucket}${await slot(me)}../${await slot(them)}x.jpg`],
    ],
    [
      'absurdly long',
      async (me) => [`${bucket}${await slot(me)}${'a'.repeat(MAX_FILE_ID_LENGTH)}.jpg`],
    ],
    ['not a file id', async () => ['cloud://nothing']],
    ['not cloud storage', async () => ['https://example.com/a.jpg']],
    ['the same photo twice', async (me) => [own[me], own[me]]],
    ['more than the contract allows', async (me) => Array(MAX_PHOTOS + 1).fill(own[me])],
    [
      'one good, one never stored',
      async (me) => [own[me], `${bucket}${await slot(me)}missing.jpg`],
    ],
  ]

  it.each(bad())('a report with a photo %s is refused and writes nothing', async (_, ids) => {
    const photos = await ids(STAFF, CAPTAIN)
    const before = await settledFingerprint(b)
    const res = await b.callAs(STAFF, 'ticket', 'create', {
      clientKey: `evidence-bad-${++seq}`,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos,
    })
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    if (!res.ok) {
      expect(res.issues?.[0].path).toMatch(/^photos/)
      expect(res.message).not.toMatch(/cloud:|photos\//) // names the photo, reveals no paths
    }
    expect(storeFingerprint(b.emulator)).toBe(before)
  })

  it.each(bad())('a fix with an after-photo %s is refused and writes nothing', async (_, ids) => {
    const afterPhotos = await ids(CAPTAIN, STAFF)
    const before = await settledFingerprint(b)
    const res = await b.callAs(CAPTAIN, 'ticket', 'act', {
      id: ticket.id,
      action: 'fix',
      afterPhotos,
    })
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    if (!res.ok) expect(res.issues?.[0].path).toMatch(/^afterPhotos/)
    expect(storeFingerprint(b.emulator)).toBe(before)
  })

  it('the refusal is the same whether or not the other user’s file exists', async () => {
    const answer = async (photo: string) => {
      const res = await b.callAs(STAFF, 'ticket', 'create', {
        clientKey: `evidence-probe-${++seq}`,
        floorId: FLOOR,
        categoryId: 'fire-exit',
        photos: [photo],
      })
      return res.ok ? 'ok' : `${res.code} ${res.message}`
    }
    expect(await answer(own[CAPTAIN])).toBe(
      await answer(`${bucket}${await slot(CAPTAIN)}does-not-exist.jpg`),
    )
  })

  it('own stored photos are accepted, for the report and for the fix', async () => {
    const second = await storePhoto(b.url, STAFF, 'second.jpg')
    const report = await b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `evidence-good-${++seq}`,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [own[STAFF], second],
    })
    expect(report.photos).toEqual([own[STAFF], second])
    const fixed = await b.okAs<TicketView>(CAPTAIN, 'ticket', 'act', {
      id: report.id,
      action: 'fix',
      afterPhotos: [own[CAPTAIN]],
    })
    expect(fixed.status).toBe('fixed')
    expect(fixed.afterPhotos).toEqual([own[CAPTAIN]])
  })

  it('an upload to the local gateway without a path lands in a slot of the uploader', async () => {
    const upload = async (openid: string) => {
      const res = await fetch(`${b.url}/_emulator/upload?name=script.jpg`, {
        method: 'POST',
        headers: { 'content-type': 'image/jpeg', 'x-woodpecker-openid': openid },
        body: Buffer.from([0xff, 0xd8, 0xff, 0xd9]),
      })
      return ((await res.json()) as { fileID: string }).fileID
    }
    const mine = await upload(STAFF)
    expect(mine).toMatch(/\/photos\/[0-9a-f]+-[0-9a-f]+\/[0-9a-f]+\.jpg$/)
    const report = (photo: string) =>
      b.callAs<TicketView>(STAFF, 'ticket', 'create', {
        clientKey: `evidence-script-${++seq}`,
        floorId: FLOOR,
        categoryId: 'fire-exit',
        photos: [photo],
      })
    await expect(report(mine)).resolves.toMatchObject({ ok: true })
    await expect(report(await upload(CAPTAIN))).resolves.toMatchObject({
      ok: false,
      code: 'input.invalid',
    })
  })

  it('an anonymous report’s photo shares nothing with its reporter’s named ones', async () => {
    const named = await storePhoto(b.url, STAFF, 'named.jpg')
    const hidden = await storePhoto(b.url, STAFF, 'hidden.jpg')
    const t = await b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `evidence-anon-${++seq}`,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [hidden],
      anonymous: true,
    })
    const seen = await b.okAs<TicketView>(CAPTAIN, 'ticket', 'get', { id: t.id })
    const slotOf = (id: string) => id.split('/').slice(-2, -1)[0]
    expect(slotOf(seen.photos[0])).not.toBe(slotOf(named))
    expect(JSON.stringify(seen)).not.toMatch(/u-staff-1|demo-staff|李护士/)
  })
})
