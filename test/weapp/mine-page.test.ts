/**
 * @jest-environment jsdom
 */
// The compiled 我的 page, rendered by WeChat's WXML compiler, calls user.whoami through the emulator.
import { actAs, renderPage, textOf, waitFor } from './harness'

describe('weapp: pages/mine', () => {
  it('shows the bound staff member returned by the real user function', async () => {
    actAs('demo-staff')
    const page = renderPage('pages/mine/index')
    const name = await waitFor(() => textOf(page, 'whoami-name'), 'the whoami name')
    expect(name).toBe('李护士')
    expect(page.dom.textContent).toContain('员工')
  })
})
