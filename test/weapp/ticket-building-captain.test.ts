/**
 * @jest-environment jsdom
 */
// A 楼长 acts as "above" on every floor of their building — verify and send back work waiting for
// review — and is offered nothing of the kind in another building. The compiled ticket page shows
// the buttons the server allows; tapping 复核通过 closes the work through the real function.
import { actAs, renderPage, waitFor, type SimComponent } from './harness'
import { act, consent, post, report, toReviewing } from './helpers/backend'

jest.setTimeout(30_000)

const sel = (cls: string): string => `[class~="main--${cls}"]`
const BUILDING_CAPTAIN = 'o-bc-B04'

describe('weapp: pages/ticket for a 楼长', () => {
  const reviewing: Record<string, string> = {}
  let page: SimComponent

  beforeAll(async () => {
    for (const floorId of ['B04F02', 'B04F07', 'B06F01']) {
      const captain = `o-fc-${floorId}`
      await consent(captain)
      const t = await report('o-staff-6', `bc-${floorId}`, floorId, `${floorId} 插座松动`)
      await toReviewing(captain, t.id)
      reviewing[floorId] = t.id
    }
    actAs(BUILDING_CAPTAIN)
    page = renderPage('pages/ticket/index', { id: reviewing.B04F07 })
  }, 60_000)

  it('offers 复核通过 and 退回整改 on a floor of their building, and verifying closes it', async () => {
    await waitFor(() => page.dom.querySelector(sel('action-verify')), 'the verify button')
    expect(page.dom.querySelector(sel('action-sendBack'))).not.toBeNull()
    expect(page.dom.querySelector(sel('photo-strip-label-before'))?.textContent).toBe('整改前')
    expect(page.dom.querySelector(sel('photo-strip-label-after'))?.textContent).toBe('整改后')
    const sim = page as unknown as {
      querySelector(s: string): { dispatchEvent(e: string): void } | null
    }
    sim.querySelector('.action-verify')!.dispatchEvent('tap')
    await waitFor(
      () => page.dom.querySelector(sel('ticket-status'))?.textContent === '已销号' || undefined,
      'the ticket to close',
    )
    expect(page.dom.querySelector(sel('action-verify'))).toBeNull()
  })

  it('sends back work on another floor of the building', async () => {
    const view = await act<{ allowedActions: string[] }>(BUILDING_CAPTAIN, 'ticket', 'get', {
      id: reviewing.B04F02,
    })
    expect(view.allowedActions).toEqual(expect.arrayContaining(['verify', 'sendBack']))
    const back = await act<{ status: string }>(BUILDING_CAPTAIN, 'ticket', 'act', {
      id: reviewing.B04F02,
      action: 'sendBack',
      reason: '照片看不清插座',
    })
    expect(back.status).toBe('rectifying')
  })

  it('may do nothing of the kind in another building', async () => {
    const view = await act<{ allowedActions: string[] }>(BUILDING_CAPTAIN, 'ticket', 'get', {
      id: reviewing.B06F01,
    })
    expect(view.allowedActions).not.toContain('verify')
    expect(view.allowedActions).not.toContain('sendBack')
    for (const input of [
      { id: reviewing.B06F01, action: 'verify' },
      { id: reviewing.B06F01, action: 'sendBack', reason: '试图越权' },
    ]) {
      const res = (await post('/fn/ticket', BUILDING_CAPTAIN, { action: 'act', input })) as {
        ok: boolean
        code: string
      }
      expect(res).toMatchObject({ ok: false, code: 'auth.forbidden' })
    }
  })
})
