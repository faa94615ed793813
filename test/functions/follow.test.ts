// Answering once the report is committed, telling only the truth: a create or an act answers its
// pushes as pending; `ticket.follow` sends them once, however often or concurrently it is called,
// counts the ticket and screens its photos; a client that never follows still gets its pushes from
// notify's timer and its counters and screening from the sla sweep.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { follow } from './helpers/follow'
import type { TicketView } from '../../types/api/ticket'
import type { Summary } from '../../types/api/stats'
import { TEMPLATE_IDS } from '../../types/api/notify'

const STAFF = 'demo-staff'
const CAPTAIN = 'demo-floor-captain'
const OUTSIDER = 'o-staff-2'
const SAFETY = 'demo-safety'
const FLOOR = 'B07F03'
const MIN = 60_000
// The still clock's day (2026-11-25 in Shanghai).
const TODAY = { from: '2026-11-25', to: '2026-11-25' }

describe('ticket.follow', () => {
  let b: Backend
  let n = 0
  // The captain allows one more reminder before each report.
  const report = async () => {
    await b.consent(CAPTAIN, [TEMPLATE_IDS.assigned])
    return b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `follow-${++n}-abcdefgh`,
      floorId: FLOOR,
      categoryId: 'wet-floor',
      photos: [PHOTO],
    })
  }
  const sentTo = async (openid: string, id: string) =>
    (
      (await (await fetch(`${b.url}/_emulator/outbox?openid=${openid}`)).json()) as Array<{
        status: string
        page: string
      }>
    ).filter((m) => m.status === 'sent' && m.page.includes(id))
  const found = async () =>
    (await b.okAs<Summary>(SAFETY, 'stats', 'summary', TODAY)) as Summary & { found: number }
  const counted = async (id: string) =>
    (
      (await b.db
        .collection('stats_applied')
        .where({ _id: `${id}:1` })
        .get()) as unknown as { data: Array<{ counted: boolean }> }
    ).data[0]?.counted
  /** Photos of the ticket sent to the content check. */
  const screened = async (id: string) =>
    (
      (await b.db.collection('media_checks').where({ ticketId: id }).count()) as {
        total: number
      }
    ).total

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('a report answers its push pending; the follow sends it, counts the report and screens its photo', async () => {
    const before = (await found()).found
    const t = await report()
    expect(t.reach).toEqual([expect.objectContaining({ ok: false, pending: true })])
    expect(t.reach[0].text).toMatch(/^正在通知 层长 .+…$/)
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(0)
    expect(await counted(t.id)).toBe(false)
    expect(await screened(t.id)).toBe(0)

    const settled = await follow(b, STAFF, t.id)
    expect(settled.reach).toEqual([expect.objectContaining({ ok: true, pending: false })])
    expect(settled.reach[0].text).toMatch(/^已推送给 层长 /)
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(1)
    expect(await counted(t.id)).toBe(true)
    expect((await found()).found).toBe(before + 1)
    expect(await screened(t.id)).toBe(1)
  })

  it('two follows, one after the other or side by side, send the push once', async () => {
    const t = await report()
    await follow(b, STAFF, t.id)
    await follow(b, STAFF, t.id)
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(1)

    const u = await report()
    await Promise.all(Array.from({ length: 4 }, () => follow(b, STAFF, u.id)))
    expect(await sentTo(CAPTAIN, u.id)).toHaveLength(1)
    expect((await follow(b, STAFF, u.id)).reach[0]).toMatchObject({ ok: true, pending: false })
  })

  it('refuses an outsider alike for a real ticket and a made-up one, doing nothing', async () => {
    const t = await report()
    await follow(b, STAFF, t.id)
    // Fixed, the hazard is no longer open to every staff member; its push to the reporter waits.
    const fixed = await b.okAs<TicketView>(CAPTAIN, 'ticket', 'act', {
      id: t.id,
      action: 'fix',
      afterPhotos: [PHOTO],
    })
    expect(fixed.reach.map((r) => r.pending)).toEqual([false, true])
    const real = await b.callAs(OUTSIDER, 'ticket', 'follow', { id: t.id })
    const madeUp = await b.callAs(OUTSIDER, 'ticket', 'follow', { id: 'f'.repeat(32) })
    expect(real).toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect(JSON.stringify(real)).toBe(JSON.stringify(madeUp))
    // Nothing was sent for the outsider's call.
    const asCaptain = await b.okAs<TicketView>(CAPTAIN, 'ticket', 'get', { id: t.id })
    expect(asCaptain.reach.map((r) => r.pending)).toEqual([false, true])
  })

  it('a report whose app never follows is pushed by notify’s timer, and counted and screened by the sla sweep', async () => {
    const before = (await found()).found
    const t = await report()
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(0)
    await b.clock.advance(2 * MIN)
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(1)
    const seen = await b.okAs<TicketView>(STAFF, 'ticket', 'get', { id: t.id })
    expect(seen.reach[0]).toMatchObject({ ok: true, pending: false })
    expect(await counted(t.id)).toBe(true)
    expect((await found()).found).toBe(before + 1)
    const events = (await b.db
      .collection('ticket_events')
      .where({ ticketId: t.id })
      .get()) as unknown as { data: Array<{ unscreened?: boolean }> }
    // Screened by the sweep (the photo itself was checked once already, with the first report).
    expect(events.data.map((e) => e.unscreened)).toEqual([false])
    // A later follow finds nothing left to send.
    await follow(b, STAFF, t.id)
    expect(await sentTo(CAPTAIN, t.id)).toHaveLength(1)
  })
})
