/**
 * @jest-environment jsdom
 */
// The compiled report page, as a QR scan opens it: the floor header with its captains, the
// categories as big buttons, the three-step form — data from the real functions via the emulator.
import { actAs, renderPage, textOf, waitFor } from './harness'

describe('weapp: pages/report opened from a floor QR code', () => {
  it('shows the floor, its captains and the hazard categories', async () => {
    actAs('demo-staff')
    const page = renderPage('pages/report/index', { scene: encodeURIComponent('f=B07F03') })
    const place = await waitFor(() => textOf(page, 'floor-header-place'), 'the floor header')
    expect(place).toContain('7号楼')
    expect(place).toContain('3层')
    expect(textOf(page, 'floor-header-name')).toBeTruthy()
    await waitFor(
      () => page.dom.querySelectorAll('[class*="report-category-name"]').length >= 12 || undefined,
      'twelve categories',
    )
    expect(page.dom.textContent).toContain('消防通道堵塞')
    expect(page.dom.textContent).toContain('③ 提交上报')
  })
})
