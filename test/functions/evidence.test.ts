// Evidence must exist (issue 8): a report's photos and a fix's after-photos are files this environment
// stored under the caller's own upload prefix. Every other id is refused as input.invalid naming the
// photo, and nothing is written — for the report and for the after-photo that proves a fix.
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
  let mine: string // the reporter's prefix
  let captainsPrefix: string
  let own: string // a photo the reporter stored
  let captainsOwn: string // a photo the captain stored
  let ticket: TicketView // open, with the captain, for the after-photo cases
  let seq = 0
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
    own = await b.photo(STAFF)
    captainsOwn = await b.photo(CAPTAIN)
    bucket = own.slice(0, own.indexOf('/', 'cloud://'.length) + 1)
    mine = (await b.okAs<{ uploadPrefix: string }>(STAFF, 'user', 'whoami', {})).uploadPrefix
    captainsPrefix = (await b.okAs<{ uploadPrefix: string }>(CAPTAIN, 'user', 'whoami', {}))
      .uploadPrefix
    ticket = await b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: 'evidence-open-ticket',
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [own],
    })
    await checksSettled()
  }, 60_000)
  afterAll(() => b.stop())

  it('whoami hands each staff member a prefix of their own', () => {
    expect(mine).toMatch(/^photos\/[^/]+\/$/)
    expect(captainsPrefix).toMatch(/^photos\/[^/]+\/$/)
    expect(mine).not.toBe(captainsPrefix)
    expect(own.startsWith(`${bucket}${mine}`)).toBe(true)
  })

  const bad = (): Array<[string, () => Promise<string[]>]> => [
    ['never uploaded, under the own prefix', async () => [`${bucket}${mine}never-stored.jpg`]],
    [
      'another environment',
      async () => [`cloud://elsewhere.7465-elsewhere-1300000000/${mine}demo.jpg`],
    ],
    ["another user's upload (which exists)", async () => [await b.photo(CAPTAIN)]],
    [
      'stored outside any upload prefix',
      async () => [
        (await b.sdk.uploadFile({ cloudPath: 'uploads/admin.jpg', fileContent: Buffer.from('x') }))
          .fileID,
      ],
    ],
    ['climbing out of the prefix', async () => [`${bucket}${mine}../${captainsPrefix}demo.jpg`]],
    ['absurdly long', async () => [`${bucket}${mine}${'a'.repeat(MAX_FILE_ID_LENGTH)}.jpg`]],
    ['not a file id', async () => ['cloud://nothing']],
    ['not cloud storage', async () => ['https://example.com/a.jpg']],
    ['the same photo twice', async () => [own, own]],
    ['more than the contract allows', async () => Array(MAX_PHOTOS + 1).fill(own)],
    ['one good, one never stored', async () => [own, `${bucket}${mine}missing.jpg`]],
  ]

  it.each(bad())('a report with a photo %s is refused and writes nothing', async (_, ids) => {
    const photos = await ids()
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
    const afterPhotos = (await ids()).map((id) =>
      // The captain's own prefix stands where the reporter's was, so only the named fault remains.
      id.replace(mine, captainsPrefix).replace(captainsOwn, own),
    )
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
    expect(await answer(captainsOwn)).toBe(
      await answer(`${bucket}${captainsPrefix}does-not-exist.jpg`),
    )
  })

  it('own stored photos are accepted, for the report and for the fix', async () => {
    const second = await storePhoto(b.url, STAFF, 'second.jpg')
    const report = await b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `evidence-good-${++seq}`,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos: [own, second],
    })
    expect(report.photos).toEqual([own, second])
    const fixed = await b.okAs<TicketView>(CAPTAIN, 'ticket', 'act', {
      id: report.id,
      action: 'fix',
      afterPhotos: [captainsOwn],
    })
    expect(fixed.status).toBe('fixed')
    expect(fixed.afterPhotos).toEqual([captainsOwn])
  })
})
