// Photos and privacy through the real functions: EXIF gone from what is stored, the content check's
// verdict arriving by message push, who sees what while pending / flagged / redacted, audited originals.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import exifr from 'exifr'
import { startBackend, type Backend } from './helpers/backend'
import { storePhoto } from '../../scripts/seed/photos'
import type { TicketView } from '../../types/api/ticket'
import { follow } from './helpers/follow'
import { TEMPLATE_IDS } from '../../types/api/notify'
import { findJpegMetadata } from '../../types/jpeg-metadata'
import { withGpsExif } from '../helpers/exif'
import { CAMERA_PHOTO } from '../fixtures'

const STAFF = 'demo-staff'
const OTHER = 'o-staff-2'
const CAPTAIN = 'demo-floor-captain'
const SAFETY = 'demo-safety'
const FLOOR = 'B07F03'
const HAZARD = readFileSync(resolve(__dirname, '..', 'e2e', 'fixtures', 'hazard.jpg'))

jest.setTimeout(30_000)

describe('photos and privacy', () => {
  let b: Backend
  let n = 0
  // As the reporter's app stores it: under the prefix whoami hands them.
  const upload = (bytes: Buffer, tag = 'p') => storePhoto(b.url, STAFF, `${tag}-${++n}.jpg`, bytes)
  const stored = async (fileID: string) =>
    Buffer.from(((await b.sdk.downloadFile({ fileID })) as { fileContent: Buffer }).fileContent)
  const verdicts = (body: unknown) =>
    fetch(`${b.url}/_emulator/media-check`, { method: 'PUT', body: JSON.stringify(body) })
  const report = async (openid: string, photos: string[], key: string) => {
    const res = await b.callAs<TicketView>(openid, 'ticket', 'create', {
      clientKey: key,
      floorId: FLOOR,
      categoryId: 'fire-exit',
      photos,
    })
    if (!res.ok) throw new Error(`${res.code} ${res.message}`)
    // As the app does next: the follow-up call screens the report's photos.
    return follow(b, openid, res.data.id)
  }
  const view = (openid: string, id: string) => b.okAs<TicketView>(openid, 'ticket', 'get', { id })
  /** Reads until `ok` holds, moving the emulator's clock a second between reads (verdicts and their retries come on it). */
  const until = async <T>(read: () => Promise<T>, ok: (v: T) => boolean): Promise<T> => {
    for (let i = 0; i < 60; i++) {
      const v = await read()
      if (ok(v)) return v
      await b.clock.advance(1000)
    }
    throw new Error('condition never held')
  }
  const consent = async (openid: string, templateId: string) => {
    await fetch(`${b.url}/_emulator/consent`, {
      method: 'POST',
      body: JSON.stringify({ openid, templateIds: [templateId] }),
    })
    await b.okAs(openid, 'notify', 'consent', {
      results: { [templateId]: 'accept' },
      requestKey: `photos-${openid}-${templateId}`.replace(/[^A-Za-z0-9_-]/g, '-').slice(0, 64),
    })
  }
  const fetchBytes = async (url: string) => Buffer.from(await (await fetch(url)).arrayBuffer())

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())
  beforeEach(() => verdicts({ rules: [], default: 'pass', delayMs: 0 }))

  it('stores a camera photo with GPS EXIF without any metadata', async () => {
    const camera = withGpsExif(readFileSync(CAMERA_PHOTO))
    expect((await exifr.gps(camera))?.latitude).toBeGreaterThan(31)
    const fileID = await upload(camera, 'camera')
    await report(STAFF, [fileID], 'exif-0001-abcdef')
    const bytes = await stored(fileID)
    expect(findJpegMetadata(bytes)).toEqual([])
    expect(await exifr.parse(bytes, { gps: true })).toBeUndefined()
    expect(bytes.length).toBeGreaterThan(1_000_000)
  }, 60_000)

  it('shows a passed photo to any staff member', async () => {
    const fileID = await upload(HAZARD)
    const t = await report(STAFF, [fileID], 'pass-0001-abcdef')
    const seen = await until(
      () => view(OTHER, t.id),
      (v) => v.photoStates?.[fileID] === 'pass',
    )
    expect((await fetchBytes(seen.photoUrls[fileID])).equals(HAZARD)).toBe(true)
  })

  it('shows a photo still being checked only to the reporter and the handlers', async () => {
    await verdicts({ rules: [], default: 'pass', delayMs: 3_600_000 })
    await consent(CAPTAIN, TEMPLATE_IDS.assigned) // so the hazard stays with the 层长
    const fileID = await upload(HAZARD)
    const t = await report(STAFF, [fileID], 'pend-0001-abcdef')
    expect(t.level).toBe(0)
    for (const openid of [STAFF, CAPTAIN, 'demo-coordinator', SAFETY]) {
      const v = await view(openid, t.id)
      expect(v.photoStates?.[fileID]).toBe('pending')
      expect([openid, v.photoUrls[fileID]]).toEqual([openid, expect.any(String)])
    }
    const other = await view(OTHER, t.id)
    expect(other.photoStates?.[fileID]).toBe('pending')
    expect(other.photoUrls[fileID]).toBeUndefined()
    expect(JSON.stringify(other.photoUrls)).not.toContain('photos/test')
    // Lists too: the floor's open hazards show the thumbnail to the reporter, not to a bystander.
    type Row = { id: string; thumbUrl: string | null }
    const row = async (openid: string) =>
      (
        await b.okAs<{ items: Row[] }>(openid, 'ticket', 'openOnFloor', { floorId: FLOOR })
      ).items.find((i) => i.id === t.id)
    expect((await row(STAFF))?.thumbUrl).toEqual(expect.any(String))
    expect((await row(OTHER))?.thumbUrl).toBeNull()
  })

  it('blurs a flagged photo for everyone and queues it for the safety office', async () => {
    const fileID = await upload(HAZARD, 'flagme')
    await verdicts({ rules: [{ match: fileID.split('/').pop(), suggest: 'risky' }], delayMs: 0 })
    const t = await report(STAFF, [fileID], 'flag-0001-abcdef')
    for (const openid of [OTHER, STAFF, SAFETY]) {
      const v = await until(
        () => view(openid, t.id),
        (x) => x.photoStates?.[fileID] === 'flagged',
      )
      const shown = await fetchBytes(v.photoUrls[fileID])
      expect(shown.equals(HAZARD)).toBe(false)
      expect(v.photoUrls[fileID]).toContain('blurred/')
    }
    const queue = await b.okAs<{ items: Array<{ fileId: string; url: string | null }> }>(
      SAFETY,
      'media',
      'queue',
      {},
    )
    expect(queue.items.find((i) => i.fileId === fileID)?.url).toContain('blurred/')
    await expect(b.callAs(CAPTAIN, 'media', 'queue', {})).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
  })

  it('refuses a verdict forged by a client', async () => {
    await verdicts({ rules: [], default: 'pass', delayMs: 3_600_000 })
    const fileID = await upload(HAZARD)
    const t = await report(STAFF, [fileID], 'forge-0001-abcdef')
    const checks = (await (await fetch(`${b.url}/_emulator/media-check`)).json()) as {
      checks: Array<{ traceId: string; url: string }>
    }
    const traceId = checks.checks.find((c) => c.url.includes(fileID.split('/').pop()!))!.traceId
    const res = await fetch(`${b.url}/fn/media`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': STAFF },
      body: JSON.stringify({
        MsgType: 'event',
        Event: 'wxa_media_check',
        trace_id: traceId,
        result: { suggest: 'pass', label: 100 },
      }),
    })
    expect(await res.json()).toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect((await view(OTHER, t.id)).photoStates?.[fileID]).toBe('pending')
  })

  it('lets the safety office redact a photo; everyone sees the redacted copy, the original only through an audited look', async () => {
    const fileID = await upload(HAZARD)
    const t = await report(STAFF, [fileID], 'redact-0001-abcdef')
    await until(
      () => view(OTHER, t.id),
      (v) => v.photoStates?.[fileID] === 'pass',
    )
    const box = { x: 0.25, y: 0.25, w: 0.5, h: 0.5 }
    await expect(
      b.callAs(CAPTAIN, 'media', 'redact', { fileId: fileID, boxes: [box], reason: '有患者面部' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
    await expect(
      b.callAs(SAFETY, 'media', 'redact', {
        fileId: fileID.replace(/\.jpg$/, '-nope.jpg'),
        boxes: [box],
        reason: 'x',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'input.invalid' })
    await b.okAs(SAFETY, 'media', 'redact', { fileId: fileID, boxes: [box], reason: '有患者面部' })
    for (const openid of [OTHER, STAFF, SAFETY]) {
      const v = await view(openid, t.id)
      expect(v.photoStates?.[fileID]).toBe('redacted')
      expect(v.photoUrls[fileID]).toContain('redacted/')
    }
    expect((await stored(fileID)).equals(HAZARD)).toBe(true)
    await b.clock.advance(60_000) // the original is looked at a minute later
    await expect(
      b.callAs(STAFF, 'media', 'original', { fileId: fileID, reason: '看看' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
    const { url } = await b.okAs<{ url: string }>(SAFETY, 'media', 'original', {
      fileId: fileID,
      reason: '投诉核查',
    })
    expect((await fetchBytes(url)).equals(HAZARD)).toBe(true)
    const log = await b.okAs<{ items: Array<{ action: string; targetId: string }> }>(
      SAFETY,
      'safety',
      'auditLog',
      { limit: 10 },
    )
    expect(log.items.filter((i) => i.targetId === fileID).map((i) => i.action)).toEqual([
      'photo.view_original',
      'photo.redact',
    ])
  })
})
