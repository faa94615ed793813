/**
 * @jest-environment jsdom
 */
// No signal on the compiled report page: the photo is kept in USER_DATA_PATH (待上传, not an error),
// 提交 queues the report ("已保存，联网后自动上报"), and when the network returns the photo is
// uploaded and the report sent with its client key — one ticket, with that photo.
import { existsSync, readdirSync } from 'node:fs'
import { join } from 'node:path'
import { act } from './helpers/backend'
import {
  actAs,
  callLog,
  renderPage,
  setOnline,
  setWx,
  tap,
  textOf,
  uploadLog,
  waitFor,
} from './harness'

const FIXTURE = join(__dirname, '..', 'e2e', 'fixtures', 'hazard.jpg')

jest.setTimeout(40_000)

type Options = { success: (r: Record<string, unknown>) => void }

describe('weapp: pages/report without signal', () => {
  it('taken without signal: kept in USER_DATA_PATH, 待上传, queued on 提交, sent once back online', async () => {
    // The weapp files share one backend: this nurse is one no other weapp test reports as, so the
    // tickets new since `before` are this page's alone.
    const nurse = 'o-staff-8'
    actAs(nurse)
    const before = await myTicketIds(nurse)
    setWx({
      chooseMedia: (o: Options) =>
        o.success({ tempFiles: [{ tempFilePath: FIXTURE, fileType: 'image' }], type: 'image' }),
      compressImage: (o: Options) => o.success({ tempFilePath: FIXTURE }),
    })
    const page = renderPage('pages/report/index', { scene: encodeURIComponent('f=B07F05') })
    await waitFor(
      () => page.dom.querySelectorAll('[class*="report-category-name"]').length > 0 || undefined,
      'the categories',
    )
    setOnline(false)
    try {
      tap(page, 'report-photo-add')
      await waitFor(() => textOf(page, 'report-photo-pending') === '待上传', 'the 待上传 tile')
      expect(textOf(page, 'report-error')).toBeFalsy()
      const kept = keptFiles()
      expect(kept).toHaveLength(1)
      expect(uploadLog.filter((u) => u.openid === nurse)).toEqual([])

      tap(page, 'report-category')
      await waitFor(() => page.dom.querySelector('[class*="report-category-active"]'), 'category')
      tap(page, 'report-submit')
      await waitFor(() => textOf(page, 'report-queued-title'), 'the queued notice')
      expect(textOf(page, 'report-queued-title')).toBe('已保存，联网后自动上报')
      expect(textOf(page, 'report-done-title')).toBeFalsy()
    } finally {
      setOnline(true)
    }
    await waitFor(
      () => textOf(page, 'report-done-title'),
      'the queued report to be accepted',
      20_000,
    )
    expect(uploadLog.filter((u) => u.openid === nurse)).toHaveLength(1)
    const fresh = (await myTickets(nurse)).filter((t) => !before.has(t.id))
    expect(fresh).toHaveLength(1)
    expect(fresh[0].photos).toEqual([uploadLog.find((u) => u.openid === nurse)!.fileID])
    expect(keptFiles()).toEqual([])

    // One create reached the server, and nothing is left to send when the network returns again.
    expect(callLog.filter((c) => c.openid === nurse && c.action === 'create')).toHaveLength(1)
    expect(storedQueue()).toEqual([])
  })
})

type Summary = { id: string; photos: string[] }

async function myTickets(openid: string): Promise<Summary[]> {
  return (await act<{ items: Summary[] }>(openid, 'ticket', 'mine', { limit: 50 })).items
}

async function myTicketIds(openid: string): Promise<Set<string>> {
  return new Set((await myTickets(openid)).map((t) => t.id))
}

/** The photos the app keeps in USER_DATA_PATH. */
function keptFiles(): string[] {
  const dir = (globalThis as unknown as { wx: { env: { USER_DATA_PATH: string } } }).wx.env
    .USER_DATA_PATH
  return existsSync(dir) ? readdirSync(dir).filter((f) => f.startsWith('kept-')) : []
}

/** The report queue as the app stored it. */
function storedQueue(): unknown {
  return (
    globalThis as unknown as { wx: { getStorageSync(k: string): unknown } }
  ).wx.getStorageSync('woodpecker.report-queue')
}
