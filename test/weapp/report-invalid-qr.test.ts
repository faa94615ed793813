/**
 * @jest-environment jsdom
 */
// A retired or unknown QR scene says so, and offers to choose the floor by hand.
import { actAs, renderPage, textOf, waitFor } from './harness'

describe('weapp: pages/report with an unknown scene', () => {
  it('says the code is no longer valid and lists buildings to choose from', async () => {
    actAs('demo-staff')
    const page = renderPage('pages/report/index', { scene: encodeURIComponent('f=NOPE') })
    await expect(
      waitFor(() => textOf(page, 'report-invalid-title'), 'the invalid notice'),
    ).resolves.toBe('这个二维码已失效')
    await waitFor(
      () => page.dom.querySelectorAll('[class*="floor-picker-name"]').length === 29 || undefined,
      'all 29 buildings',
    )
  })
})
