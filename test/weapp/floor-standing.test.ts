/**
 * @jest-environment jsdom
 */
// The compiled 待办 and ticket page of a 层长 whose hazard climbed to the 楼长 (data in 2号楼, which
// no other weapp test touches): the row stays in his 待受理 tab saying where it stands, the page
// says so too and still offers him the fix (and no 我也看到了); 院领导 is offered nothing.
import { actAs, renderPage, waitFor, type SimComponent } from './harness'
import { act, consent, report } from './helpers/backend'

const CAPTAIN = 'o-fc-B02F03'
const COORD = 'o-co-B02-1'
const LEADER = 'demo-leader'

const sel = (cls: string): string => `[class~="main--${cls}"]`

jest.setTimeout(30_000)

describe('weapp: a 层长 keeps his escalated hazard', () => {
  let id = ''
  let standing = ''

  beforeAll(async () => {
    await consent(CAPTAIN)
    const t = await report('o-staff-7', 'standing-0', 'B02F03', '3层配电间门未锁')
    id = t.id
    await act(CAPTAIN, 'ticket', 'act', { id, action: 'escalate', reason: '需要协调' })
    const up = await act<{ level: number; standing: string }>(COORD, 'ticket', 'act', {
      id,
      action: 'escalate',
      reason: '需要楼长协调',
    })
    expect(up.level).toBe(2)
    standing = up.standing
    expect(standing).toMatch(/^已升级至 楼长 .+ · 督办中$/)
  }, 60_000)

  it('keeps the row in his 待受理 tab, saying where it stands', async () => {
    actAs(CAPTAIN)
    const page: SimComponent = renderPage('pages/inbox/index')
    await waitFor(() => page.dom.textContent?.includes('3层配电间门未锁'), 'the escalated hazard')
    const row = await waitFor(() => page.dom.querySelector(sel('ticket-item-standing')), 'standing')
    expect(row.textContent).toBe(standing)
  })

  it('says where it stands on the ticket page and still offers him the fix, no +1', async () => {
    actAs(CAPTAIN)
    const page: SimComponent = renderPage('pages/ticket/index', { id })
    const line = await waitFor(() => page.dom.querySelector(sel('ticket-standing')), 'standing')
    expect(line.textContent).toBe(standing)
    expect(page.dom.querySelector(sel('action-fix'))).not.toBeNull()
    expect(page.dom.querySelector(sel('action-support'))).toBeNull()
  })

  it('offers 院领导 no 我也看到了 (the page shows only the actions the server sends)', async () => {
    const view = await act<{ allowedActions: string[] }>(LEADER, 'ticket', 'get', { id })
    expect(view.allowedActions).toEqual([])
  })
})
