// A browser's upload through the media function, part by part (a PC signed in through the web SDK has
// no WeChat upload): a photo lands in its sender's upload slot and a ticket takes it; a roster file
// reaches the import; who may send what is decided before anything is stored; a part sent again
// answers the same file; a file that cannot be one leaves nothing behind.
import { readFileSync } from 'node:fs'
import { DEMO_PHOTO } from '../../scripts/seed/photos'
import { UPLOAD_PART_CHARS } from '../../types/api/media'
import type { TicketView } from '../../types/api/ticket'
import { startBackend, type Backend } from './helpers/backend'
import { csv, seedRosterRows } from './helpers/roster-files'

const STAFF = 'demo-staff'
const SAFETY = 'demo-safety'

describe('media.uploadPart', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 120_000)
  afterAll(() => b.stop())

  let seq = 0
  const uploadId = () => (++seq).toString(16).padStart(32, '0')
  // Parts smaller than the largest allowed, so the 45 KB demo photo takes several.
  const partsOf = (bytes: Buffer, size = 16 * 1024): string[] => {
    const text = bytes.toString('base64')
    const out: string[] = []
    for (let i = 0; i < text.length; i += size) out.push(text.slice(i, i + size))
    return out
  }
  const send = (openid: string, upload: string, target: object, parts: string[], index: number) =>
    b.callAs<{ received: number; fileID?: string }>(openid, 'media', 'uploadPart', {
      upload,
      target,
      index,
      total: parts.length,
      data: parts[index],
    })
  const stored = async () =>
    ((await b.db.collection('upload_parts').count()) as { total: number }).total
  const slotOf = async (openid: string) =>
    (await b.okAs<{ prefixes: string[] }>(openid, 'media', 'uploadSlots', { count: 1 })).prefixes[0]

  it("stores a photo sent in parts in its sender's slot, and a ticket takes it", async () => {
    const photo = readFileSync(DEMO_PHOTO)
    const parts = partsOf(photo)
    expect(parts.length).toBeGreaterThan(1)
    const target = { kind: 'photo', path: `${await slotOf(STAFF)}pc.jpg` }
    const upload = uploadId()
    const answers = []
    for (let i = 0; i < parts.length; i++) answers.push(await send(STAFF, upload, target, parts, i))
    expect(answers.slice(0, -1).map((a) => a.ok && a.data)).toEqual(
      parts.slice(0, -1).map((_, i) => ({ received: i + 1 })),
    )
    const last = answers.at(-1)!
    if (!last.ok) throw new Error(last.message)
    const fileID = last.data.fileID!
    expect(fileID).toMatch(new RegExp(`/${target.path.replace(/[.]/g, '\\.')}$`))
    const bytes = Buffer.from(
      ((await b.sdk.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent,
    )
    expect(bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    // Sent again (a retry after a lost answer), any part answers the same file and stores nothing.
    const count = await stored()
    expect(await send(STAFF, upload, target, parts, parts.length - 1)).toMatchObject({
      ok: true,
      data: { fileID },
    })
    expect(await send(STAFF, upload, target, parts, 0)).toMatchObject({
      ok: true,
      data: { fileID },
    })
    expect(await stored()).toBe(count)

    const created = await b.callAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: 'pc-upload-0001',
      floorId: 'B07F03',
      categoryId: 'fire-exit',
      photos: [fileID],
      description: '电脑端上报：消防通道堆放纸箱',
    })
    expect(created).toMatchObject({ ok: true })
  })

  it.each([
    [
      'a photo into someone else’s slot',
      STAFF,
      async () => ({ kind: 'photo', path: `${await slotOf(SAFETY)}x.jpg` }),
      'input.invalid',
    ],
    [
      'a photo into a path that is no slot',
      STAFF,
      async () => ({ kind: 'photo', path: 'photos/mine/x.jpg' }),
      'input.invalid',
    ],
    [
      'a roster file from someone not in the safety office',
      STAFF,
      async () => ({ kind: 'roster', name: 'roster.csv' }),
      'auth.forbidden',
    ],
  ])('refuses %s before storing anything', async (_name, openid, targetOf, code) => {
    const parts = partsOf(readFileSync(DEMO_PHOTO))
    const before = await stored()
    const answer = await send(openid, uploadId(), await targetOf(), parts, 0)
    expect(answer).toMatchObject({ ok: false, code })
    expect(await stored()).toBe(before)
  })

  it('refuses a photo that is not a JPEG once it is whole, and keeps none of its parts', async () => {
    const parts = partsOf(Buffer.from('GIF89a not a photo at all'.repeat(5000)))
    const target = { kind: 'photo', path: `${await slotOf(STAFF)}fake.jpg` }
    const upload = uploadId()
    const before = await stored()
    for (let i = 0; i < parts.length - 1; i++)
      expect(await send(STAFF, upload, target, parts, i)).toMatchObject({ ok: true })
    const last = await send(STAFF, upload, target, parts, parts.length - 1)
    expect(last).toMatchObject({ ok: false, code: 'input.invalid', message: '只能上传 JPEG 照片' })
    expect(await stored()).toBe(before)
  })

  it('refuses a part that does not belong with the ones already sent', async () => {
    const parts = partsOf(readFileSync(DEMO_PHOTO))
    const target = { kind: 'photo', path: `${await slotOf(STAFF)}mixed.jpg` }
    const upload = uploadId()
    await send(STAFF, upload, target, parts, 0)
    const odd = await b.callAs(STAFF, 'media', 'uploadPart', {
      upload,
      target,
      index: 1,
      total: parts.length + 1,
      data: parts[1],
    })
    expect(odd).toMatchObject({ ok: false, code: 'input.invalid' })
  })

  it.each([
    ['an upload id that is not one', { upload: 'x' }, 'upload'],
    ['a part beyond the total', { index: 2, total: 2 }, 'index'],
    ['data that is not base64', { data: '<script>' }, 'data'],
    ['a part too long', { data: 'A'.repeat(UPLOAD_PART_CHARS + 4) }, 'data'],
    [
      'a roster file that is not a spreadsheet',
      { target: { kind: 'roster', name: 'a.exe' } },
      'target.name',
    ],
  ])('names what is wrong with %s', async (_name, patch, path) => {
    const answer = await b.callAs(SAFETY, 'media', 'uploadPart', {
      upload: uploadId(),
      target: { kind: 'roster', name: 'roster.csv' },
      index: 0,
      total: 1,
      data: 'AAAA',
      ...patch,
    })
    expect(answer).toMatchObject({ ok: false, code: 'input.invalid' })
    expect(!answer.ok && answer.issues?.map((i) => i.path)).toContain(path)
  })

  it('gives the safety office a roster file the import reads', async () => {
    const file = csv(seedRosterRows())
    const parts = partsOf(file)
    const upload = uploadId()
    const target = { kind: 'roster', name: 'roster.csv' }
    let fileID: string | undefined
    for (let i = 0; i < parts.length; i++) {
      const answer = await send(SAFETY, upload, target, parts, i)
      if (!answer.ok) throw new Error(answer.message)
      fileID = answer.data.fileID
    }
    expect(fileID).toMatch(/\/rosters\/.+\.csv$/)
    const preview = await b.okAs<{ applied: boolean; rows: number }>(
      SAFETY,
      'admin',
      'roster.import',
      {
        fileID,
        dryRun: true,
      },
    )
    expect(preview).toMatchObject({ applied: false, rows: seedRosterRows().length })
  })
})
