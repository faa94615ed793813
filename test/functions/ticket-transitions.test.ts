// Every transition through the real functions, table-driven: who acts, with what, and where it ends.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { STILL_START } from '../../emulator/src/clock'
import type { TicketView } from '../../types/api/ticket'
import { TEMPLATE_IDS } from '../../types/api/notify'

const STAFF = 'demo-staff'
const OTHER = 'o-staff-2'
const CAPTAIN = 'demo-floor-captain'
const COORD = 'demo-coordinator'
/** Stands for another ticket on the same floor, reported just before the step runs. */
const ORIGINAL = '$original'
const TOMORROW = new Date(STILL_START + 86400_000).toISOString()

type Step = [who: string, input: Record<string, unknown>]
const CASES: Array<[name: string, steps: Step[], expected: Partial<TicketView>]> = [
  ['accept', [[CAPTAIN, { action: 'accept' }]], { status: 'processing' }],
  [
    'the deputy 层长 accepts for the holder',
    [['o-fd-B07F03', { action: 'accept' }]],
    { status: 'processing' },
  ],
  [
    'defer → complete → verify',
    [
      [
        CAPTAIN,
        { action: 'defer', deadline: TOMORROW, departmentId: 'property', plan: '联系物业清运' },
      ],
      [CAPTAIN, { action: 'complete', afterPhotos: [PHOTO] }],
      [COORD, { action: 'verify' }],
    ],
    { status: 'closed' },
  ],
  [
    'send back for more work',
    [
      [CAPTAIN, { action: 'defer', deadline: TOMORROW, departmentId: 'property', plan: '清运' }],
      [CAPTAIN, { action: 'complete', afterPhotos: [PHOTO] }],
      [COORD, { action: 'sendBack', reason: '还没清理干净' }],
    ],
    { status: 'rectifying' },
  ],
  [
    'transfer to another floor',
    [[CAPTAIN, { action: 'transfer', targetFloorId: 'B07F04', reason: '属于4层' }]],
    { status: 'pending', floorId: 'B07F04' },
  ],
  [
    'escalate to the coordinator',
    [[CAPTAIN, { action: 'escalate', reason: '需要物业协调' }]],
    { status: 'pending', level: 1 },
  ],
  [
    'reject, then the reporter reopens',
    [
      [CAPTAIN, { action: 'reject', reason: '已核实无隐患' }],
      [STAFF, { action: 'reopen', reason: '问题仍然存在' }],
    ],
    { status: 'pending', level: 0 },
  ],
  [
    'mark duplicate',
    [[CAPTAIN, { action: 'duplicate', duplicateOf: ORIGINAL, reason: '重复上报' }]],
    { status: 'duplicate' },
  ],
  ['+1 from a colleague', [[OTHER, { action: 'support' }]], { status: 'pending', supportCount: 1 }],
]

const REFUSALS: Array<
  [name: string, who: string, input: Record<string, unknown>, code: string, field: string | null]
> = [
  ['fix without an after-photo', CAPTAIN, { action: 'fix' }, 'input.invalid', 'afterPhotos'],
  [
    'defer without a deadline',
    CAPTAIN,
    { action: 'defer', departmentId: 'property', plan: 'x' },
    'input.invalid',
    'deadline',
  ],
  [
    'defer into the past',
    CAPTAIN,
    { action: 'defer', deadline: '2020-01-01T00:00:00Z', departmentId: 'property', plan: 'x' },
    'input.invalid',
    'deadline',
  ],
  ['reject without a reason', CAPTAIN, { action: 'reject' }, 'input.invalid', 'reason'],
  [
    'a colleague fixing someone else’s hazard',
    OTHER,
    { action: 'fix', afterPhotos: [PHOTO] },
    'auth.forbidden',
    null,
  ],
  [
    'the reporter rating before it is fixed',
    STAFF,
    { action: 'confirm', rating: 5 },
    'ticket.invalid_transition',
    null,
  ],
  ['+1 on your own report', STAFF, { action: 'support' }, 'ticket.invalid_transition', null],
  ['a stale version', CAPTAIN, { action: 'accept', version: 99 }, 'ticket.conflict', null],
]

describe('ticket transitions through the emulator', () => {
  let b: Backend
  let n = 0
  const newTicket = async (): Promise<TicketView> => {
    const res = await b.callAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `transition-${++n}-abcdef`,
      floorId: 'B07F03',
      categoryId: 'wet-floor',
      photos: [PHOTO],
    })
    if (!res.ok) throw new Error(res.message)
    return res.data
  }

  beforeAll(async () => {
    b = await startBackend({ seed: true })
    for (let i = 0; i < 40; i++) {
      for (const [openid, ids] of [
        [CAPTAIN, [TEMPLATE_IDS.assigned]],
        [COORD, [TEMPLATE_IDS.escalated]],
      ] as const) {
        await b.consent(openid, [...ids])
      }
    }
  }, 120_000)
  afterAll(() => b.stop())

  it.each(CASES)('%s', async (_name, steps, expected) => {
    const t = await newTicket()
    let view = t
    for (const [who, input] of steps) {
      const resolved = { ...input }
      if (resolved.duplicateOf === ORIGINAL) resolved.duplicateOf = (await newTicket()).id
      view = await b.okAs<TicketView>(who, 'ticket', 'act', { id: t.id, ...resolved })
    }
    expect(view).toMatchObject(expected)
    // Each step adds exactly one event (a push that cannot be delivered may add an automatic escalation after).
    expect(view.events.map((e) => e.seq).slice(0, steps.length + 1)).toEqual(
      Array.from({ length: steps.length + 1 }, (_v, i) => i + 1),
    )
  })

  it.each(REFUSALS)('refuses %s', async (_name, who, input, code, field) => {
    const t = await newTicket()
    const res = await b.callAs(who, 'ticket', 'act', { id: t.id, ...input })
    expect(res).toMatchObject({ ok: false, code })
    if (field && !res.ok) expect(res.issues?.map((i) => i.path)).toContain(field)
    const after = await b.okAs<TicketView>(STAFF, 'ticket', 'get', { id: t.id })
    expect(after.version).toBe(1)
  })

  it('shows a finished hazard only to those involved', async () => {
    const t = await newTicket()
    await b.okAs(CAPTAIN, 'ticket', 'act', { id: t.id, action: 'fix', afterPhotos: [PHOTO] })
    await expect(b.callAs(OTHER, 'ticket', 'get', { id: t.id })).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    await expect(b.callAs(STAFF, 'ticket', 'get', { id: t.id })).resolves.toMatchObject({
      ok: true,
    })
    await expect(b.callAs('demo-safety', 'ticket', 'get', { id: t.id })).resolves.toMatchObject({
      ok: true,
    })
  })

  it('lists the captain’s inbox with counts and the reporter’s own reports', async () => {
    const inbox = await b.okAs<{ items: unknown[]; counts: Record<string, number> }>(
      CAPTAIN,
      'ticket',
      'inbox',
      { status: 'pending' },
    )
    expect(inbox.counts.pending).toBeGreaterThan(0)
    expect(inbox.items.length).toBe(Math.min(20, inbox.counts.pending))
    const mine = await b.okAs<{ items: Array<{ id: string }> }>(STAFF, 'ticket', 'mine', {})
    expect(mine.items.length).toBeGreaterThan(0)
  })

  it('lists a floor’s open hazards with +1 counts for the report page', async () => {
    const t = await newTicket()
    await b.okAs(OTHER, 'ticket', 'act', { id: t.id, action: 'support' })
    const open = await b.okAs<{
      items: Array<{ id: string; supportCount: number; supportedByMe: boolean; status: string }>
    }>(OTHER, 'ticket', 'openOnFloor', { floorId: 'B07F03' })
    expect(open.items.find((i) => i.id === t.id)).toMatchObject({
      supportCount: 1,
      supportedByMe: true,
    })
    expect(
      open.items.every((i) =>
        ['pending', 'processing', 'rectifying', 'reviewing'].includes(i.status),
      ),
    ).toBe(true)
  })

  it('pages through the reporter’s reports without gaps or repeats', async () => {
    const all = await b.okAs<{ items: Array<{ id: string }> }>(STAFF, 'ticket', 'mine', {
      limit: 50,
    })
    const seen: string[] = []
    let before: string | null | undefined
    do {
      const page: { items: Array<{ id: string }>; nextCursor: string | null } = await b.okAs(
        STAFF,
        'ticket',
        'mine',
        { limit: 4, ...(before ? { before } : {}) },
      )
      seen.push(...page.items.map((i) => i.id))
      before = page.nextCursor
    } while (before)
    expect(seen).toEqual(all.items.map((i) => i.id))
  })
})
