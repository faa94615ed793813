/**
 * @jest-environment jsdom
 */
// A 重大 hazard on the compiled ticket page: its grade shown, no 立行立改 and no 限期整改 until its
// 五定 plan is in; the plan's form laid out from the server's fields by the FIELD_WIDGETS registry
// (a choice of person, text, an amount in yuan, a deadline) and submitted through the real function.
import { actAs, renderPage, waitFor, type SimComponent } from './harness'
import { act, consent, photoOf } from './helpers/backend'

jest.setTimeout(30_000)

const sel = (cls: string): string => `[class~="main--${cls}"]`
const REPORTER = 'o-staff-7'
const CAPTAIN = 'o-fc-B05F02'

type Sim = { querySelector(s: string): { dispatchEvent(e: string, o?: object): void } | null }

describe('weapp: pages/ticket for a 重大 hazard', () => {
  let page: SimComponent
  let id = ''

  beforeAll(async () => {
    await consent(CAPTAIN)
    const t = await act(REPORTER, 'ticket', 'create', {
      clientKey: 'weapp-grading-major-1',
      floorId: 'B05F02',
      categoryId: 'pressure-vessel',
      photos: [await photoOf(REPORTER)],
      description: '氧气汇流排压力表失灵',
    })
    id = t.id
    actAs(CAPTAIN)
    page = renderPage('pages/ticket/index', { id })
  }, 60_000)

  it('shows its grade and what its plan lacks, and offers the plan instead of fixing or deferring', async () => {
    await waitFor(() => page.dom.querySelector(sel('action-plan')), 'the plan button')
    expect(page.dom.querySelector(sel('ticket-grade'))?.textContent).toBe('重大隐患')
    expect(page.dom.querySelector(sel('ticket-major-missing'))?.textContent).toContain(
      '定资金（元）',
    )
    expect(page.dom.querySelector(sel('action-fix'))).toBeNull()
    expect(page.dom.querySelector(sel('action-defer'))).toBeNull()
  })

  it('lays the 五定 form out from its fields and submits it', async () => {
    const sim = page as unknown as Sim
    await waitFor(() => page.dom.querySelector(sel('action-plan')), 'the plan button')
    sim.querySelector('.action-plan')!.dispatchEvent('tap')
    await waitFor(() => page.dom.querySelector(sel('action-form')), 'the plan form')
    for (const cls of [
      'action-responsibleId',
      'action-measures',
      'action-funds',
      'action-deadline-day',
      'action-contingency',
    ])
      expect(page.dom.querySelector(sel(cls))).not.toBeNull()
    // The person is the first the server offers: the floor's 层长.
    expect(page.dom.querySelector(sel('action-responsibleId'))?.textContent).toContain('层长')
    const type = (cls: string, value: string) =>
      sim.querySelector(`.${cls}`)!.dispatchEvent('input', { detail: { value } })
    type('action-measures', '更换压力表并校验')
    type('action-funds', '860')
    type('action-contingency', '切换备用汇流排')
    // Typing re-renders the form: submit once the page's data holds every typed value.
    await waitFor(
      () =>
        ['更换压力表并校验', '860', '切换备用汇流排'].every((v) =>
          JSON.stringify(page.instance.data).includes(v),
        ) || undefined,
      'the typed values',
    )
    sim.querySelector('.action-submit')!.dispatchEvent('tap')
    await waitFor(() => page.dom.querySelector(sel('ticket-major-plan')), 'the plan on the page')
    expect(page.dom.querySelector(sel('ticket-major-plan'))?.textContent).toContain(
      '定资金：860 元',
    )
    await waitFor(() => page.dom.querySelector(sel('action-defer')), 'the defer button')
    const stored = await act<{ majorPlan: { measures: string; funds: number } | null }>(
      CAPTAIN,
      'ticket',
      'get',
      { id },
    )
    expect(stored.majorPlan).toMatchObject({ measures: '更换压力表并校验', funds: 860 })
  })
})
