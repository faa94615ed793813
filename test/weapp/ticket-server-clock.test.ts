/**
 * @jest-environment jsdom
 */
// The ticket page counts down on the server's clock: a phone set eleven hours behind (the evening
// before) still shows the captain the 15 minutes they have, and the deadline picker starts from the
// hospital's today as the server knows it, offering the whole day or a time of it.
import { STILL_START } from '../../emulator/src/clock'
import { actAs, renderPage, tap, textOf, waitFor, type SimComponent } from './harness'
import { consent, report } from './helpers/backend'

jest.setTimeout(30_000)

const CAPTAIN = 'o-fc-B05F03'

describe('weapp: pages/ticket counts on the server’s clock', () => {
  let page: SimComponent

  beforeAll(async () => {
    await consent(CAPTAIN)
    // Reported at the server's 10:00 (Wednesday 2026-11-25): an urgent category, 15 minutes.
    const t = await report('o-staff-6', 'server-clock', 'B05F03', '配电箱门打不开')
    // The phone reads 23:00 the day before.
    jest.setSystemTime(STILL_START - 11 * 3600_000)
    actAs(CAPTAIN)
    page = renderPage('pages/ticket/index', { id: t.id })
    await waitFor(() => textOf(page, 'ticket-due'), 'the countdown')
  }, 60_000)
  afterAll(() => jest.setSystemTime(Date.now() + 11 * 3600_000))

  it('shows the time left by the server, not by the phone', () => {
    // The phone's own clock would say 剩余 11 小时受理.
    expect(textOf(page, 'ticket-due')).toMatch(/剩余 1[45] 分钟受理/)
  })

  it('starts the deadline picker from the server’s today and offers the whole day', async () => {
    tap(page, 'action-defer')
    await waitFor(() => textOf(page, 'action-deadline-day'), 'the deadline picker')
    // Three days after the server's 2026-11-25; the phone's today (11-24) would give 11-27.
    expect(textOf(page, 'action-deadline-day')).toBe('整改期限：2026-11-28')
    expect(textOf(page, 'action-deadline-time')).toBe('截止时间：当天内（23:59 前）')
  })
})
