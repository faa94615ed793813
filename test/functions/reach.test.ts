// Reaching the captain: ownership follows the roster, never consent; an owner who cannot be pushed
// gets the hazard anyway and the next reachable person up the chain a copy; the reporter is told
// exactly who was reached; the credit bank counts each consent request once.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import type { TicketView } from '../../types/api/ticket'
import { reportFollowed } from './helpers/follow'
import { TEMPLATE_IDS } from '../../types/api/notify'

describe('reaching the captain', () => {
  let b: Backend
  const outbox = async (openid: string) =>
    (
      (await (await fetch(`${b.url}/_emulator/outbox?openid=${openid}`)).json()) as Array<{
        status: string
        page: string
      }>
    ).filter((m) => m.status === 'sent')
  // Each report as its success screen ends: answered, then followed until its push has an outcome.
  const report = (floorId: string, key: string, categoryId = 'wet-floor') =>
    reportFollowed(b, 'demo-staff', { clientKey: key, floorId, categoryId, photos: [PHOTO] })

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('ten reports: all stay with the 层长, each copied to the first reachable person above', async () => {
    await b.consent('demo-coordinator', [TEMPLATE_IDS.assigned])
    await b.consent('demo-coordinator', [TEMPLATE_IDS.assigned])
    await b.consent('demo-building-captain', [TEMPLATE_IDS.longTerm])
    const tickets: TicketView[] = []
    for (let i = 0; i < 10; i++) tickets.push(await report('B07F05', `ten-${i}-abcdefgh`))

    expect(tickets.map((t) => [t.level, t.levelLabel])).toEqual(
      Array.from({ length: 10 }, () => [0, '层长']),
    )
    expect(tickets.map((t) => t.reach[0].text.replace(/ \S+$/, ''))).toEqual([
      ...Array.from({ length: 2 }, () => '层长暂未开启提醒，已同时通知 协管员'),
      ...Array.from({ length: 8 }, () => '层长暂未开启提醒，已同时通知 楼长'),
    ])
    const ids = new Set(tickets.map((t) => t.id))
    const toCoordinator = (await outbox('demo-coordinator')).filter((m) =>
      ids.has(m.page.split('id=')[1].split('&')[0]),
    )
    const toBuildingCaptain = (await outbox('demo-building-captain')).filter((m) =>
      ids.has(m.page.split('id=')[1].split('&')[0]),
    )
    expect(toCoordinator).toHaveLength(2)
    expect(toBuildingCaptain).toHaveLength(8)
    expect(await outbox('o-fc-B07F05')).toHaveLength(0)
    expect(await outbox('demo-safety')).toHaveLength(0)
    // The record of each ticket says who was reached, for the captains too.
    const seen = await b.okAs<TicketView>('o-fc-B07F05', 'ticket', 'get', { id: tickets[9].id })
    expect(seen.reach[0]).toMatchObject({ ok: false, text: expect.stringContaining('楼长') })
  })

  it('tells the reporter the truth when the owner was pushed', async () => {
    await b.consent('o-fc-B07F06', [TEMPLATE_IDS.assigned])
    const t = await report('B07F06', 'pushed-1-abcdefgh')
    expect(t.reach).toEqual([
      expect.objectContaining({ ok: true, text: expect.stringMatching(/^已推送给 层长 /) }),
    ])
  })

  it('puts a hazard nobody could be pushed for on the safety office’s board', async () => {
    const t = await report('B01F01', 'board-1-abcdefgh')
    expect(t.level).toBe(0)
    expect(t.reach[0].text).toMatch(/暂未开启提醒，已送达 安全办看板$/)
    const board = await b.okAs<{ items: Array<{ id: string }>; count: number }>(
      'demo-safety',
      'ticket',
      'board',
      {},
    )
    expect(board.items.map((i) => i.id)).toContain(t.id)
    await expect(b.callAs('demo-staff', 'ticket', 'board', {})).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
  })

  it('banks exactly what the consent results say, and a retried report once', async () => {
    const ask = (requestKey: string, results: Record<string, string>) =>
      b.okAs<{ credits: Record<string, number>; reach: { remaining: number; asked: boolean } }>(
        'o-fc-B02F01',
        'notify',
        'consent',
        { results, requestKey },
      )
    const status = () =>
      b.okAs<{ remaining: number; asked: boolean }>('o-fc-B02F01', 'notify', 'status', {})
    expect(await status()).toMatchObject({ remaining: 0, asked: false })
    await ask('bank-request-1', {
      [TEMPLATE_IDS.assigned]: 'accept',
      [TEMPLATE_IDS.escalated]: 'reject',
    })
    await ask('bank-request-1', {
      [TEMPLATE_IDS.assigned]: 'accept',
      [TEMPLATE_IDS.escalated]: 'reject',
    })
    const after = await ask('bank-request-2', { [TEMPLATE_IDS.assigned]: 'accept' })
    expect(after.credits[TEMPLATE_IDS.assigned]).toBe(2)
    expect(after.credits[TEMPLATE_IDS.escalated]).toBeUndefined()
    expect(after.reach).toMatchObject({ remaining: 2, asked: true })
    const refused = await b.okAs<{ reach: { asked: boolean } }>(
      'o-fc-B02F02',
      'notify',
      'consent',
      {
        results: { [TEMPLATE_IDS.assigned]: 'reject' },
        requestKey: 'bank-request-3',
      },
    )
    expect(refused.reach).toMatchObject({ asked: true })
  })

  it('refuses a consent report naming more than three templates', async () => {
    await expect(
      b.callAs('o-fc-B02F01', 'notify', 'consent', {
        results: { a: 'accept', b: 'accept', c: 'accept', d: 'accept' },
        requestKey: 'too-many-1',
      }),
    ).resolves.toMatchObject({ ok: false, code: 'input.invalid' })
  })

  it('lists unreachable captains for the safety office, who can ask them to top up', async () => {
    await report('B03F01', 'unreach-1-abcdefgh')
    const list = await b.okAs<{
      items: Array<{ userId: string; name: string; reasons: string[]; owned: number }>
    }>('demo-safety', 'notify', 'unreachable', {})
    const fc = list.items.find((u) => u.userId === 'u-fc-B03F01')
    expect(fc).toMatchObject({ reasons: expect.arrayContaining(['never_asked']) })
    expect(fc!.owned).toBeGreaterThanOrEqual(1)
    expect(list.items.find((u) => u.userId === 'u-fc-B02F01')).toBeUndefined() // has credits
    await b.okAs('demo-safety', 'notify', 'nudge', { userId: 'u-fc-B03F01' })
    expect(
      await b.okAs<{ nudgedAt: string | null }>('o-fc-B03F01', 'notify', 'status', {}),
    ).toMatchObject({ nudgedAt: expect.any(String) })
    for (const action of ['unreachable', 'nudge'])
      await expect(
        b.callAs('demo-floor-captain', 'notify', action, action === 'nudge' ? { userId: 'x' } : {}),
      ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
  })
})
