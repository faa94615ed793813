/**
 * @jest-environment jsdom
 */
// 我的 without signal lists the reports waiting on the phone as 待上报; one the server refused says
// why and can be removed.
import { actAs, renderPage, setOnline, tap, textOf, waitFor } from './harness'

const waiting = (clientKey: string, label: string, refused?: string) => ({
  clientKey,
  owner: '',
  floorId: 'B07F03',
  categoryId: 'fire-exit',
  anonymous: false,
  photos: [{ key: 'p1', fileID: 'cloud://env/photos/x.jpg' }],
  label,
  queuedAt: Date.now(),
  ...(refused ? { refused } : {}),
})

jest.setTimeout(30_000)

describe('weapp: 待上报 on pages/mine', () => {
  it('lists the queued reports while offline, with the reason for a refused one', async () => {
    actAs('demo-staff')
    setOnline(false)
    try {
      renderPage('pages/report/index', { scene: encodeURIComponent('f=B07F03') })
      ;(
        globalThis as unknown as { wx: { setStorageSync(k: string, v: unknown): void } }
      ).wx.setStorageSync('woodpecker.report-queue', [
        waiting('rqueued0001', '消防通道堵塞 · 7号楼 3层'),
        waiting('rqueued0002', '地面湿滑 · 7号楼 3层', '内容包含不适宜的信息，请修改后再提交'),
      ])
      const page = renderPage('pages/mine/index')
      await waitFor(() => textOf(page, 'mine-queued-title'), 'the 待上报 heading')
      expect(textOf(page, 'mine-queued-title')).toContain('待上报（2）')
      expect(page.dom.textContent).toContain('消防通道堵塞 · 7号楼 3层')
      expect(page.dom.textContent).toContain('联网后自动上报')
      expect(textOf(page, 'mine-queued-refused')).toBe('未能上报')
      expect(page.dom.textContent).toContain('内容包含不适宜的信息')
      tap(page, 'mine-queued-discard')
      await waitFor(
        () => textOf(page, 'mine-queued-title')?.includes('待上报（1）'),
        'the refused report to be removed',
      )
      expect(textOf(page, 'mine-queued-refused')).toBeFalsy()
    } finally {
      setOnline(true)
    }
  })
})
