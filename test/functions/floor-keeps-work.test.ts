// The floor keeps its work, through the real functions on the emulator's still clock: a hazard that
// climbs to the 楼长 or the safety office, or deferred work that turns overdue and moves to the 楼长,
// stays in its 层长's 待办 with where it stands, and he (and whoever holds it now) keeps working it;
// the journal names who acted; after a handover the new 层长's 待办 holds the floor's open work.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { docs } from './helpers/roster-files'
import { STILL_START } from '../../emulator/src/clock'
import { hospitalTime } from '../../types/time'
import { TEMPLATE_IDS } from '../../types/api/notify'
import type { TicketSummary, TicketView } from '../../types/api/ticket'
import type { TicketAction, TicketState } from '../../types/ticket'

const STAFF = 'demo-staff'
const CAPTAIN = 'demo-floor-captain' // 层长 of 7号楼 3层 (B07F03)
const DEPUTY = 'o-fd-B07F03' // 层长(备) of the same floor
const COORD = 'demo-coordinator'
const BC = 'demo-building-captain' // 楼长 of 7号楼
const SAFETY = 'demo-safety'
const LEADER = 'demo-leader'
const FLOOR = 'B07F03'
const DAY = 86400_000

interface InboxPage {
  items: TicketSummary[]
  nextCursor: string | null
  counts: Record<string, number>
}

jest.setTimeout(60_000)

describe('the floor keeps its work after it climbs', () => {
  let b: Backend
  let n = 0
  const names: Record<string, string> = {}
  const warnings: string[] = []

  const report = () =>
    b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `floor-keeps-${++n}-abcdef`,
      floorId: FLOOR,
      categoryId: 'wet-floor',
      photos: [PHOTO],
    })
  const act = (who: string, id: string, action: TicketAction, more: object = {}) =>
    b.okAs<TicketView>(who, 'ticket', 'act', { id, action, ...more })
  const get = (who: string, id: string) => b.okAs<TicketView>(who, 'ticket', 'get', { id })
  /** Every row of a 层长's 待办 tab, paged to the end, with the counts of its first page. */
  const inbox = async (who: string, status: TicketState) => {
    const rows: TicketSummary[] = []
    let before: string | undefined
    let counts: Record<string, number> = {}
    for (let guard = 0; guard < 50; guard++) {
      const page = await b.okAs<InboxPage>(who, 'ticket', 'inbox', { status, limit: 3, before })
      if (!before) counts = page.counts
      rows.push(...page.items)
      if (!page.nextCursor) break
      before = page.nextCursor
    }
    return { rows, counts }
  }
  const rowOf = async (who: string, status: TicketState, id: string) =>
    (await inbox(who, status)).rows.find((r) => r.id === id)
  const actors = (t: TicketView, action: string) =>
    t.events.filter((e) => e.action === action).map((e) => e.actorName)

  beforeAll(async () => {
    b = await startBackend({ seed: true })
    const warn = console.warn
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '))
      warn(...args)
    })
    for (let i = 0; i < 20; i++)
      for (const openid of [CAPTAIN, COORD, BC, SAFETY])
        await b.consent(openid, [TEMPLATE_IDS.assigned, TEMPLATE_IDS.escalated])
    for (const openid of [CAPTAIN, DEPUTY, COORD, BC, SAFETY]) {
      const [user] = await docs<{ name: string }>(b, 'users', { openid })
      names[openid] = user.name
    }
  }, 180_000)
  afterAll(async () => {
    jest.restoreAllMocks()
    await b.stop()
  })
  afterEach(() => {
    // Every list reads through a declared index, the floors' 待办 included.
    expect(warnings.filter((w) => w.includes('no declared index'))).toEqual([])
  })

  it('deferred work overdue at the 楼长: the 层长 still sees it, late, and completes it; the safety office verifies', async () => {
    const t = await report()
    const tomorrow = hospitalTime(STILL_START + DAY).format('YYYY-MM-DD')
    await act(CAPTAIN, t.id, 'defer', {
      deadline: tomorrow,
      departmentId: 'property',
      plan: '清运',
    })
    // Two days after the deadline's day: the sweep marked it overdue and moved it to the 楼长.
    // (A jump fires each due timer once at the new time; a few more minutes let the sweep finish.)
    await b.clock.jump(b.clock.now() + 3 * DAY)
    await b.clock.advance(5 * 60_000)
    const late = await get(CAPTAIN, t.id)
    expect(late).toMatchObject({ status: 'rectifying', level: 2, overdue: true })
    const standing = `已升级至 楼长 ${names[BC]} · 督办中 · 逾期 2 天`
    expect(late.standing).toBe(standing)
    expect((await rowOf(CAPTAIN, 'rectifying', t.id))?.standing).toBe(standing)
    expect((await rowOf(DEPUTY, 'rectifying', t.id))?.standing).toBe(standing)
    expect(late.allowedActions).toContain('complete')
    expect(late.allowedActions).not.toContain('support')
    expect((await get(BC, t.id)).allowedActions).toEqual(expect.arrayContaining(['complete']))

    const done = await act(CAPTAIN, t.id, 'complete', { afterPhotos: [PHOTO] })
    expect(done.status).toBe('reviewing')
    expect(actors(done, 'complete')).toEqual([names[CAPTAIN]])
    // Verification stays above the holder: neither the 层长 nor the 楼长 holding it verifies.
    expect(done.allowedActions).not.toContain('verify')
    expect((await get(BC, t.id)).allowedActions).not.toContain('verify')
    const closed = await act(SAFETY, t.id, 'verify')
    expect(closed.status).toBe('closed')
    expect(actors(closed, 'verify')).toEqual([names[SAFETY]])
  })

  it('escalated to the 楼长 and the safety office: the 层长 keeps it in 待办 and fixes it', async () => {
    const t = await report()
    await act(CAPTAIN, t.id, 'escalate', { reason: '需要物业协调' })
    const atBc = await act(COORD, t.id, 'escalate', { reason: '协管员无法协调' })
    expect(atBc.level).toBe(2)
    const row = await rowOf(CAPTAIN, 'pending', t.id)
    expect(row?.standing).toBe(`已升级至 楼长 ${names[BC]} · 督办中`)
    const mine = await get(CAPTAIN, t.id)
    expect(mine.standing).toBe(row?.standing)
    expect(mine.allowedActions).toEqual(
      expect.arrayContaining(['accept', 'fix', 'defer', 'transfer', 'reject', 'duplicate']),
    )
    expect(mine.allowedActions).not.toContain('support')
    const accepted = await act(CAPTAIN, t.id, 'accept')
    expect(accepted).toMatchObject({ status: 'processing', level: 2 })
    expect(actors(accepted, 'accept')).toEqual([names[CAPTAIN]])

    const atSafety = await act(BC, t.id, 'escalate', { reason: '需要安全办协调' })
    expect(atSafety.level).toBe(3)
    const up = await rowOf(CAPTAIN, 'processing', t.id)
    expect(up?.standing).toMatch(/^已升级至 安全办 .+ · 督办中$/)
    // The 协管员 and the 楼长 still see it in their building, with the same words.
    const building = await b.okAs<{ items: TicketSummary[] }>(BC, 'ticket', 'building', {
      limit: 50,
    })
    expect(building.items.find((i) => i.id === t.id)?.standing).toBe(up?.standing)

    const fixed = await act(CAPTAIN, t.id, 'fix', { afterPhotos: [PHOTO] })
    expect(fixed.status).toBe('fixed')
    expect(actors(fixed, 'fix')).toEqual([names[CAPTAIN]])
    expect(fixed.standing).toBeNull()
    // Finished: out of the open tabs, in the floor's 已办结, counted the same.
    expect(await rowOf(CAPTAIN, 'processing', t.id)).toBeUndefined()
    const finished = await b.okAs<{ items: TicketSummary[]; total: number }>(
      CAPTAIN,
      'ticket',
      'done',
      { limit: 50 },
    )
    expect(finished.items.map((i) => i.id)).toContain(t.id)
    const { counts } = await inbox(CAPTAIN, 'pending')
    expect(finished.total).toBe(
      ['fixed', 'closed', 'rejected', 'duplicate'].reduce((s, k) => s + (counts[k] ?? 0), 0),
    )
  })

  it('at the safety office, the 楼长 below it defers and completes; the safety office verifies', async () => {
    const t = await report()
    await act(CAPTAIN, t.id, 'escalate', { reason: '需要协调' })
    await act(COORD, t.id, 'escalate', { reason: '需要楼长' })
    await act(BC, t.id, 'escalate', { reason: '需要安全办' })
    const tomorrow = hospitalTime(b.clock.now() + DAY).format('YYYY-MM-DD')
    await act(BC, t.id, 'defer', { deadline: tomorrow, departmentId: 'property', plan: '更换' })
    const done = await act(BC, t.id, 'complete', { afterPhotos: [PHOTO] })
    expect(done).toMatchObject({ status: 'reviewing', level: 3 })
    expect(actors(done, 'defer')).toEqual([names[BC]])
    expect(done.allowedActions).not.toContain('verify')
    expect((await get(SAFETY, t.id)).allowedActions).toEqual(
      expect.arrayContaining(['verify', 'sendBack']),
    )
    expect((await act(SAFETY, t.id, 'verify')).status).toBe('closed')
  })

  it('offers no 我也看到了 to 院领导 nor on one’s own report; a colleague gets it', async () => {
    const t = await report()
    expect((await get(LEADER, t.id)).allowedActions).not.toContain('support')
    expect((await get(STAFF, t.id)).allowedActions).not.toContain('support')
    expect((await get('o-staff-2', t.id)).allowedActions).toContain('support')
    await expect(
      b.callAs(LEADER, 'ticket', 'act', { id: t.id, action: 'support' }),
    ).resolves.toMatchObject({ ok: false, code: 'ticket.invalid_transition', message: /院领导/ })
    // The report page's list of the floor's open hazards offers +1 by the same rule.
    const supportable = async (openid: string) =>
      (
        await b.okAs<{ items: Array<{ id: string; supportable: boolean }> }>(
          openid,
          'ticket',
          'openOnFloor',
          { floorId: FLOOR },
        )
      ).items.find((i) => i.id === t.id)?.supportable
    expect(await supportable(LEADER)).toBe(false)
    expect(await supportable(STAFF)).toBe(false)
    expect(await supportable('o-staff-2')).toBe(true)
  })

  it('the tab counts agree with the rows of each tab', async () => {
    const { counts } = await inbox(CAPTAIN, 'pending')
    for (const s of ['pending', 'processing', 'rectifying', 'reviewing'] as const)
      expect((await inbox(CAPTAIN, s)).rows.length).toBe(counts[s] ?? 0)
  })

  it('a handover of the 层长 duty moves the floor’s open hazards to the new 层长’s 待办', async () => {
    const open = await report()
    await act(CAPTAIN, open.id, 'escalate', { reason: '需要协调' })
    const res = await b.okAs<{ userId: string }>(BC, 'org', 'duty.assign', {
      kind: 'floor_captain',
      buildingId: 'B07',
      floorId: FLOOR,
      person: { name: '孙接任', phone: '13700000003', departmentName: '护理部' },
      handover: true,
    })
    const invite = await b.okAs<{ code: string }>(BC, 'org', 'invite.create', {
      userId: res.userId,
    })
    await b.okAs('o-new-fc', 'org', 'invite.redeem', { code: invite.code })
    // Every open hazard of the floor, by the database.
    const stored = (
      await docs<{ _id: string; status: TicketState }>(b, 'tickets', { floorId: FLOOR })
    ).filter((t) => ['pending', 'processing', 'rectifying', 'reviewing'].includes(t.status))
    expect(stored.length).toBeGreaterThan(0)
    const seen: string[] = []
    for (const s of ['pending', 'processing', 'rectifying', 'reviewing'] as const)
      seen.push(...(await inbox('o-new-fc', s)).rows.map((r) => r.id))
    expect(seen.sort()).toEqual(stored.map((t) => t._id).sort())
    // The former 层长 has none of it left, and cannot act on it; the new one can, by name.
    for (const s of ['pending', 'processing'] as const)
      expect((await inbox(CAPTAIN, s)).rows).toEqual([])
    expect((await get(CAPTAIN, open.id)).allowedActions).not.toContain('accept')
    await expect(
      b.callAs(CAPTAIN, 'ticket', 'act', { id: open.id, action: 'accept' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
    const accepted = await act('o-new-fc', open.id, 'accept')
    expect(actors(accepted, 'accept')).toEqual(['孙接任'])
  })
})
