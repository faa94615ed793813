/**
 * @jest-environment jsdom
 */
// The compiled 待办 for each role (data in 3号楼, which no other weapp test touches): a reporter gets
// 我的上报 with a badge, a 层长 their floor by state, a 协管员/楼长 the building by floor, the safety
// office the hospital, leadership a read-only list with the cockpit entry.
import { actAs, callLog, renderPage, tabBar, waitFor, type SimComponent } from './harness'
import { act, consent, photoOf, report } from './helpers/backend'

const REPORTER = 'o-staff-5'
const CAPTAIN_F2 = 'o-fc-B03F02'
const CAPTAIN_F5 = 'o-fc-B03F05'

/** A selector for one of our class names (the weapp build prefixes them with the module name). */
const sel = (cls: string): string => `[class~="main--${cls}"]`
const texts = (page: SimComponent, cls: string): string[] =>
  Array.from(page.dom.querySelectorAll(sel(cls))).map((e) => e.textContent ?? '')

jest.setTimeout(30_000)

describe('weapp: pages/inbox for each role', () => {
  let page: SimComponent
  /** Shows the page again as someone else (as WeChat's onShow does) and waits for their list. */
  const show = async (openid: string, kind: string, listAction: string) => {
    const from = callLog.length
    actAs(openid)
    ;(page.instance.onShow as () => void)()
    await waitFor(
      () => callLog.slice(from).some((c) => c.openid === openid && c.action === listAction),
      `${openid}'s ${listAction}`,
    )
    await waitFor(() => page.dom.querySelector(sel(`inbox-kind-${kind}`)), `the ${kind} view`)
  }

  beforeAll(async () => {
    // One consent per push: each report reaches its floor captain and stays there.
    for (let i = 0; i < 3; i++) await consent(CAPTAIN_F2)
    for (let i = 0; i < 2; i++) await consent(CAPTAIN_F5)
    for (let i = 0; i < 3; i++)
      await report(REPORTER, `roles-f2-${i}`, 'B03F02', `2层插座冒烟 ${i}`)
    const f5 = await report(REPORTER, 'roles-f5-0', 'B03F05', '5层配电箱未上锁')
    await report(REPORTER, 'roles-f5-1', 'B03F05', '5层电线裸露')
    await act(CAPTAIN_F5, 'ticket', 'act', {
      id: f5.id,
      action: 'fix',
      afterPhotos: [await photoOf(CAPTAIN_F5)],
    })
    actAs(REPORTER)
    page = renderPage('pages/inbox/index')
  }, 60_000)

  it('gives a reporter 我的上报 (no 待办), with a badge for the confirmation due', async () => {
    await waitFor(() => page.dom.querySelector(sel('inbox-kind-reporter')), 'reporter view')
    await waitFor(() => page.dom.textContent?.includes('5层配电箱未上锁'), 'the report to confirm')
    expect(texts(page, 'inbox-tab')).toEqual(['待我确认1', '全部上报'])
    expect(tabBar.text[1]).toBe('我的上报')
    expect(tabBar.badge[1]).toBe('1')
  })

  it('gives a 层长 their hazards by state, with 已办结', async () => {
    await show(CAPTAIN_F2, 'floor', 'inbox')
    await waitFor(() => page.dom.textContent?.includes('2层插座冒烟 2'), 'the floor’s hazards')
    expect(texts(page, 'inbox-tab')).toEqual([
      '待受理3',
      '处理中',
      '限期整改中',
      '待复核',
      '已办结',
    ])
    expect(tabBar.text[1]).toBe('待办')
  })

  it.each([
    ['协管员', 'o-co-B03-1'],
    ['楼长', 'o-bc-B03'],
  ])('gives a %s the building: open work on every floor, grouped by floor', async (_l, openid) => {
    await show(openid, 'building', 'building')
    await waitFor(
      () => page.dom.querySelectorAll(sel('floor-group-title')).length === 2,
      'two floor groups',
    )
    expect(texts(page, 'inbox-tab')).toEqual(['本楼待办4', '已办结1'])
    expect(texts(page, 'floor-group-count').sort()).toEqual(['1 条未办结', '3 条未办结'])
    expect(page.dom.textContent).toContain('3号楼（住院部A栋） 5层')
    expect(page.dom.textContent).not.toContain('5层配电箱未上锁')
  })

  it('gives the safety office the whole hospital with filters', async () => {
    await show('o-safety-2', 'safety', 'hospital')
    await waitFor(() => page.dom.querySelector(sel('filter-building')), 'the filters')
    expect(texts(page, 'inbox-tab').map((t) => t.replace(/\d+$/, ''))).toEqual([
      '全院隐患',
      '安全办负责',
    ])
  })

  it('gives leadership a read-only list and the cockpit entry', async () => {
    await show('demo-leader', 'leader', 'hospital')
    await waitFor(() => page.dom.querySelector(sel('cockpit-entry')), 'the cockpit entry')
    expect(texts(page, 'inbox-tab')).toEqual([])
    expect(page.dom.querySelector(sel('inbox-consent'))).toBeNull()
  })
})
