/**
 * @jest-environment jsdom
 */
// A sign-in code someone already confirmed, scanned again: the compiled 电脑端登录 page says why and
// offers no 确认登录 (one page per file: the simulator loads a compiled page once).
import { actAs, renderPage, waitFor } from './harness'
import { act } from './helpers/backend'
import { anonymousPc } from './helpers/pc'

jest.setTimeout(30_000)

describe('weapp: pages/signin with a used code', () => {
  it('tells the person the code was used and asks nothing', async () => {
    const pc = await anonymousPc()
    const started = await pc.call<{ scene: string }>('signin', 'start', { userAgent: 'Edge' })
    if (!started.ok) throw new Error(`start failed: ${started.code}`)
    const { scene } = started.data
    await act('demo-safety', 'signin', 'confirm', { scene })

    actAs('demo-staff')
    const page = renderPage('pages/signin/index', { scene })
    await waitFor(() => page.dom.textContent?.includes('这个登录码已经用过了'), 'the refusal')
    expect(page.dom.querySelector('[class~="signin-confirm"]')).toBeNull()
    expect(page.dom.textContent).not.toContain('在电脑上登录 啄木鸟？')
  })
})
