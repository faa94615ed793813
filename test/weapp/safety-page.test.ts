/**
 * @jest-environment jsdom
 */
// The safety office's page on the compiled weapp: the flagged-photo queue, blocking and the audit
// log, loaded from the real functions; anyone else is refused by the server.
import { actAs, renderPage, textOf, waitFor } from './harness'

describe('weapp: safety/pages/content', () => {
  it('shows the safety office its queue and audit log', async () => {
    actAs('demo-safety')
    const page = renderPage('safety/pages/content')
    await waitFor(
      () => page.dom.textContent?.includes('没有被标记的照片') || undefined,
      'the (empty) photo queue',
    )
    await waitFor(() => page.dom.textContent?.includes('审计日志') || undefined, 'the audit log')
    expect(textOf(page, 'safety-block')).toContain('封禁')
  })
})
