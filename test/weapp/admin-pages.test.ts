/**
 * @jest-environment jsdom
 */
// The admin subpackage compiled for weapp: the home lists what the caller may manage, and an
// invite's mini-program code opens the bind page with the code filled in from its scene.
import { actAs, renderPage, textOf, waitFor } from './harness'

describe('weapp: admin subpackage', () => {
  it('shows the safety office every administration area and the audit log', async () => {
    actAs('demo-safety')
    const page = renderPage('admin/pages/index')
    await waitFor(() => textOf(page, 'admin-scope'), 'the scope line')
    expect(textOf(page, 'admin-scope')).toContain('安全办（全院）')
    for (const title of ['楼栋与楼层', '值守名册', '名册导入导出', '科室与隐患类别'])
      expect(page.dom.textContent).toContain(title)
  })

  it('fills the invite code from the scene of the code that opened the bind page', async () => {
    actAs('o-weapp-newcomer')
    const page = renderPage('admin/pages/bind/index', { scene: encodeURIComponent('i=123456') })
    const scanned = await waitFor(() => textOf(page, 'bind-scanned'), 'the scanned code')
    expect(scanned).toContain('123456')
  })
})
