/**
 * @jest-environment jsdom
 */
// The safety office's pages on the compiled weapp: the flagged-photo queue, blocking and the audit
// log; the board of captains who cannot be reached while open work rests on them, grouped by
// building — loaded from the real functions; anyone else is refused by the server.
import { actAs, renderPage, tap, textOf, waitFor } from './harness'
import { report } from './helpers/backend'

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

describe('weapp: safety/pages/unreachable', () => {
  it('groups unreachable captains with open work by building, with counts and filters', async () => {
    await report('demo-staff', 'unreachable-board', 'B12F01', '楼梯间堆放杂物')
    actAs('demo-safety')
    const page = renderPage('safety/pages/unreachable')
    const title = await waitFor(
      () =>
        Array.from(page.dom.querySelectorAll('[class*="unreachable-building-title"]'))
          .map((e) => e.textContent ?? '')
          .find((t) => t.includes('12号楼')),
      'the 12号楼 group',
      20_000,
    )
    expect(title).toMatch(/（\d+ 人）$/)
    expect(textOf(page, 'unreachable-groups')).toMatch(/12号楼.*\d+人/)
    expect(textOf(page, 'unreachable-intro')).toContain('名下没有未结隐患，未列出')
    expect(textOf(page, 'unreachable-reason-filter')).toContain('从未开启提醒')
    // Nobody listed lacks a phone: that filter empties the board.
    tap(page, 'unreachable-reason-no_phone')
    await waitFor(
      () => page.dom.textContent?.includes('有未结隐患的负责人都能收到提醒') || undefined,
      'the empty board under the no-phone filter',
    )
  }, 30_000)
})
