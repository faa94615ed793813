// Every action × state × relation against a table written by hand from DESIGN.md.
import {
  check,
  allowedActions,
  decide,
  unmetNeed,
  type Relation,
  type TicketFacts,
  type World,
} from '../../../cloudfunctions/_shared/ticket/domain/machine'
import type { OwnerStep } from '../../../cloudfunctions/_shared/org/domain/owner-chain'
import { NO_QUIET } from '../../../cloudfunctions/_shared/ladder/domain/sla'
import type { TicketDoc } from '../../../cloudfunctions/_shared/ticket/domain/ticket'
import {
  TICKET_ACTIONS,
  TICKET_STATES,
  type TicketAction,
  type TicketState,
} from '../../../types/ticket'

// Handlers: the holder, the floor's chain above and below the ticket's level, the safety office.
const H = ['owner', 'above', 'below', 'safety']
// action: [states it applies to, relations allowed, resulting state ('=' stays), facts it is about]
const EXPECTED: Record<TicketAction, [string[], string[], string, Partial<TicketFacts>?]> = {
  accept: [['pending'], H, 'processing'],
  fix: [['pending', 'processing'], H, 'fixed'],
  defer: [['pending', 'processing'], H, 'rectifying'],
  complete: [['rectifying'], H, 'reviewing'],
  verify: [['reviewing'], ['above', 'safety'], 'closed'],
  sendBack: [['reviewing'], ['above', 'safety'], 'rectifying'],
  transfer: [['pending', 'processing'], H, 'pending'],
  escalate: [['pending', 'processing', 'rectifying'], ['owner', 'above', 'safety', 'system'], '='],
  reject: [['pending', 'processing'], H, 'rejected'],
  duplicate: [['pending', 'processing'], H, 'duplicate'],
  confirm: [['fixed', 'closed'], ['reporter'], '='],
  reopen: [['fixed', 'closed', 'rejected'], ['reporter'], 'pending'],
  support: [['pending', 'processing', 'rectifying', 'reviewing'], ['staff'], '='],
  remind: [['rectifying', 'reviewing'], ['system'], '='],
  overdue: [['rectifying'], ['system'], '='],
  grade: [['pending', 'processing', 'rectifying', 'reviewing'], ['safety'], '='],
  plan: [['pending', 'processing', 'rectifying'], H, '=', { grade: 'major' }],
  // One sign-off of two: the hazard stays 待复核 until the other side signs.
  signoff: [['reviewing'], ['safety', 'leader'], '=', { grade: 'major' }],
}
const RELATIONS: Relation[] = [
  'reporter',
  'owner',
  'above',
  'below',
  'safety',
  'leader',
  'staff',
  'system',
]
const now = new Date('2026-11-24T08:00:00Z')
const facts = (status: TicketState): TicketFacts => ({
  status,
  level: 0,
  rated: false,
  supporterIds: [],
  resolvedAt: new Date('2026-11-23T08:00:00Z'),
})

const matrix = TICKET_ACTIONS.flatMap((action) =>
  TICKET_STATES.flatMap((state) => RELATIONS.map((rel) => [action, state, rel] as const)),
)

describe('ticket transitions: every action × state × relation', () => {
  it('covers the whole matrix', () => expect(matrix).toHaveLength(18 * 8 * 8))

  it.each(matrix)('%s from %s as %s', (action, state, rel) => {
    const [states, who, to, about] = EXPECTED[action]
    const res = check(action, { ...facts(state), ...about }, new Set([rel]), 'actor', now)
    if (!who.includes(rel)) expect(res).toMatchObject({ ok: false, code: 'auth.forbidden' })
    else if (!states.includes(state))
      expect(res).toMatchObject({ ok: false, code: 'ticket.invalid_transition' })
    else expect(res).toEqual({ ok: true, to: to === '=' ? state : to })
  })
})

describe('guards', () => {
  const yes = (action: TicketAction, f: Partial<TicketFacts>, rel: Relation[], actor = 'me') =>
    check(action, { ...facts('pending'), ...f }, new Set(rel), actor, now).ok
  it.each([
    [
      'no escalation past the safety office',
      () => yes('escalate', { level: 3 }, ['safety']),
      false,
    ],
    ['escalation below it', () => yes('escalate', { level: 2 }, ['owner']), true],
    [
      'one rating per cycle',
      () => yes('confirm', { status: 'fixed', rated: true }, ['reporter']),
      false,
    ],
    ['no +1 on your own report', () => yes('support', {}, ['reporter', 'staff']), false],
    ['no +1 from 院领导', () => yes('support', {}, ['leader', 'staff']), false],
    ['no +1 from a captain below its level', () => yes('support', {}, ['below', 'staff']), false],
    ['a colleague’s +1', () => yes('support', {}, ['staff']), true],
    [
      'no verifying your own completion from above',
      () => yes('verify', { status: 'reviewing', completedBy: 'me' }, ['above', 'below']),
      false,
    ],
    [
      'no sending back your own completion',
      () => yes('sendBack', { status: 'reviewing', completedBy: 'me' }, ['above']),
      false,
    ],
    [
      'someone above verifies the work a captain below completed',
      () => yes('verify', { status: 'reviewing', level: 2, completedBy: 'fc' }, ['above']),
      true,
    ],
    [
      'the safety office, with nobody above it, verifies its own completion',
      () => yes('verify', { status: 'reviewing', level: 3, completedBy: 'me' }, ['safety']),
      true,
    ],
    [
      'a captain below cannot verify work at the level above',
      () => yes('verify', { status: 'reviewing', level: 2, completedBy: 'bc' }, ['below']),
      false,
    ],
    ['no second +1', () => yes('support', { supporterIds: ['me'] }, ['staff']), false],
    [
      'reopen within 7 days',
      () =>
        yes('reopen', { status: 'fixed', resolvedAt: new Date('2026-11-18T08:00:00Z') }, [
          'reporter',
        ]),
      true,
    ],
    [
      'no reopen after 7 days',
      () =>
        yes('reopen', { status: 'fixed', resolvedAt: new Date('2026-11-16T08:00:00Z') }, [
          'reporter',
        ]),
      false,
    ],
  ])('%s', (_name, run, expected) => expect(run()).toBe(expected))

  const FULL_PLAN = { grade: 'major' as const, planMissing: [] }
  // name, action, facts, relations, actor → refusal reason (undefined: allowed)
  it.each<[string, TicketAction, Partial<TicketFacts>, Relation[], string | undefined]>([
    ['a general hazard is deferred without a plan', 'defer', {}, ['owner'], undefined],
    [
      'a major hazard without a plan is not deferred, every missing 五定 named',
      'defer',
      { grade: 'major', planMissing: ['responsibleName', 'funds', 'contingency'] },
      ['owner'],
      '重大隐患须先制定五定方案，缺少：定责任（责任人）、定资金（元）、定预案（应急预案）',
    ],
    ['a major hazard with its plan is deferred', 'defer', FULL_PLAN, ['owner'], undefined],
    [
      'a major hazard is not fixed on the spot',
      'fix',
      FULL_PLAN,
      ['owner'],
      '重大隐患不能立行立改，请制定五定方案后限期整改',
    ],
    ['a general hazard needs no plan', 'plan', {}, ['owner'], '一般隐患无需五定方案'],
    [
      'a major hazard is not verified by one person',
      'verify',
      { ...FULL_PLAN, status: 'reviewing' },
      ['safety'],
      '重大隐患须由安全办和院领导签字销号',
    ],
    [
      'a general hazard is not signed off',
      'signoff',
      { status: 'reviewing' },
      ['safety'],
      '一般隐患由复核销号，无需签字',
    ],
    [
      'nobody signs twice',
      'signoff',
      { ...FULL_PLAN, status: 'reviewing', signoffs: [{ side: 'safety', userId: 'me' }] },
      ['safety', 'leader'],
      '你已签字销号',
    ],
    [
      'a second safety officer does not sign for the signed side',
      'signoff',
      { ...FULL_PLAN, status: 'reviewing', signoffs: [{ side: 'safety', userId: 'so1' }] },
      ['safety'],
      '安全办和院领导都已签字',
    ],
    [
      'a captain does not find a major hazard needs no handling',
      'reject',
      FULL_PLAN,
      ['owner'],
      '重大隐患须由安全办判定无需处理',
    ],
    ['the safety office does', 'reject', FULL_PLAN, ['safety'], undefined],
  ])('grading: %s', (_name, action, f, rel, reason) => {
    const res = check(action, { ...facts('pending'), ...f }, new Set(rel), 'me', now)
    expect(res.ok ? undefined : res.reason).toEqual(reason)
  })

  it.each<[string, Partial<TicketFacts>, Relation[], string]>([
    ['the first sign-off keeps it 待复核', {}, ['leader'], 'reviewing'],
    [
      'the second sign-off closes it (已销号)',
      { signoffs: [{ side: 'safety', userId: 'so' }] },
      ['leader'],
      'closed',
    ],
  ])('sign-off: %s', (_name, f, rel, to) => {
    const about = { ...facts('reviewing'), grade: 'major' as const, ...f }
    expect(check('signoff', about, new Set(rel), 'me', now)).toEqual({ ok: true, to })
  })

  it('lists allowed actions for the buttons', () => {
    expect(
      allowedActions(facts('pending'), new Set<Relation>(['owner', 'staff']), 'me', now),
    ).toEqual(['accept', 'fix', 'defer', 'transfer', 'escalate', 'reject', 'duplicate'])
    expect(
      allowedActions(facts('fixed'), new Set<Relation>(['reporter', 'staff']), 'me', now),
    ).toEqual(['confirm', 'reopen'])
  })

  it.each<[string, Partial<TicketFacts>, Relation[], TicketAction[]]>([
    [
      'the 层长 keeps his work on a hazard escalated to the 楼长',
      { status: 'pending', level: 2 },
      ['below', 'staff'],
      ['accept', 'fix', 'defer', 'transfer', 'reject', 'duplicate'],
    ],
    [
      'the 层长 completes overdue work that moved to the 楼长',
      { status: 'rectifying', level: 2, overdue: true },
      ['below', 'staff'],
      ['complete'],
    ],
    [
      'the 楼长 holding it keeps every action, escalating included',
      { status: 'rectifying', level: 2, overdue: true },
      ['owner', 'staff'],
      ['complete', 'escalate'],
    ],
    [
      'the holder does not verify the work a captain below completed',
      { status: 'reviewing', level: 2, completedBy: 'fc' },
      ['owner', 'staff'],
      [],
    ],
    [
      'the safety office verifies it',
      { status: 'reviewing', level: 2, completedBy: 'fc' },
      ['above', 'safety', 'staff'],
      ['verify', 'sendBack', 'grade'],
    ],
    [
      'a major hazard’s holder draws up its plan before deferring it',
      { status: 'processing', grade: 'major', planMissing: ['responsibleName'] },
      ['owner', 'staff'],
      ['transfer', 'escalate', 'duplicate', 'plan'],
    ],
    [
      'and defers it once the plan is complete',
      { status: 'processing', grade: 'major', planMissing: [] },
      ['owner', 'staff'],
      ['defer', 'transfer', 'escalate', 'duplicate', 'plan'],
    ],
    [
      'a 院领导 is offered the sign-off of completed major work',
      { status: 'reviewing', grade: 'major' },
      ['leader', 'staff'],
      ['signoff'],
    ],
    ['院领导 is offered no +1', { status: 'pending' }, ['leader', 'staff'], []],
    [
      'a reporter is offered no +1 on their own report',
      { status: 'pending' },
      ['reporter', 'staff'],
      [],
    ],
  ])('offers: %s', (_name, f, rel, actions) =>
    expect(allowedActions({ ...facts('pending'), ...f }, new Set(rel), 'me', now)).toEqual(actions),
  )
})

describe('each row’s effect (apply): patch, event and pushes', () => {
  const at = new Date('2026-11-24T08:00:00Z')
  const step = (level: 0 | 1 | 2 | 3, userId: string, name: string): OwnerStep => ({
    level,
    userId,
    openid: `o-${userId}`,
    name,
    phone: '13800000000',
    deputy: false,
    duty: 'x',
  })
  const chain = [step(0, 'fc', '尹志强'), step(1, 'co', '吕涛'), step(2, 'bc', '王楼长')]
  const base: TicketDoc = {
    _id: 't1',
    clientKey: 'k',
    reporterId: 'rep',
    reporterName: '李护士',
    anonymous: false,
    floorId: 'F3',
    buildingId: 'B7',
    place: '7号楼 3层',
    spot: '',
    categoryId: 'wet-floor',
    categoryName: '地面湿滑',
    severity: 'medium',
    description: '',
    photos: ['cloud://p/1.jpg'],
    afterPhotos: [],
    status: 'pending',
    level: 0,
    ownerId: 'fc',
    ownerName: '尹志强',
    cycle: 1,
    version: 3,
    supporterIds: ['s1'],
    rated: false,
    rating: null,
    deadline: null,
    departmentId: null,
    plan: null,
    resolvedAt: null,
    createdAt: at,
    updatedAt: at,
  }
  const world = (over: Partial<World> = {}): World => ({
    now: at,
    quiet: NO_QUIET,
    actor: { kind: 'system', id: 'system', name: '系统' },
    relations: new Set<Relation>(['system']),
    chain,
    reporter: { userId: 'rep', openid: 'o-rep', name: '李护士' },
    found: {},
    ...over,
  })
  const AFTER = ['cloud://p/after.jpg']
  const DEADLINE = '2026-12-01T15:59:59.999Z'
  // action, ticket overrides, input, world overrides → expected patch subset, note pattern, pushes
  const ROWS: Array<
    [
      TicketAction,
      Partial<TicketDoc>,
      Record<string, unknown>,
      Partial<World>,
      Record<string, unknown>,
      RegExp | null,
      string[],
    ]
  > = [
    ['accept', {}, {}, {}, { status: 'processing', acceptedAt: at }, null, []],
    [
      'fix',
      {},
      { afterPhotos: AFTER },
      {},
      { status: 'fixed', afterPhotos: AFTER, resolvedAt: at, resolvedBy: 'system' },
      null,
      ['resolved→rep'],
    ],
    [
      'defer',
      {},
      { deadline: DEADLINE, departmentId: 'property', plan: '联系物业' },
      { found: { departmentId: { id: 'property', name: '物业公司' } } },
      {
        status: 'rectifying',
        departmentId: 'property',
        departmentName: '物业公司',
        plan: '联系物业',
      },
      /期限 2026-12-01，物业公司：联系物业/,
      [],
    ],
    [
      'complete',
      { status: 'rectifying' },
      { afterPhotos: AFTER },
      {},
      { status: 'reviewing', afterPhotos: AFTER, completedBy: 'system' },
      null,
      [],
    ],
    [
      'verify',
      { status: 'reviewing' },
      {},
      {},
      { status: 'closed', resolvedAt: at },
      null,
      ['resolved→rep'],
    ],
    [
      'sendBack',
      { status: 'reviewing' },
      { reason: '没清理干净' },
      {},
      { status: 'rectifying', completedBy: null },
      /没清理干净/,
      [],
    ],
    [
      'transfer',
      {},
      { targetFloorId: 'F4', reason: '属于4层' },
      {
        found: {
          targetFloorId: {
            floorId: 'F4',
            buildingId: 'B7',
            place: '7号楼 4层',
            chain: [step(0, 'fc4', '张层长')],
          },
        },
      },
      { status: 'pending', floorId: 'F4', ownerId: 'fc4', level: 0, place: '7号楼 4层' },
      /转至 7号楼 4层：属于4层/,
      ['assigned→fc4'],
    ],
    [
      'escalate',
      {},
      { reason: '需要协调' },
      {},
      { status: 'pending', level: 1, ownerId: 'co', ownerName: '吕涛' },
      /由 层长 尹志强 升级至 协管员 吕涛/,
      ['escalated→co'],
    ],
    [
      'reject',
      {},
      { reason: '不是隐患' },
      {},
      { status: 'rejected', resolvedAt: at },
      /不是隐患/,
      [],
    ],
    [
      'duplicate',
      {},
      { duplicateOf: 't0', reason: '重复' },
      {
        found: {
          duplicateOf: { _id: 't0', reporterId: 'r0', supporterIds: [], status: 'pending' },
        },
      },
      { status: 'duplicate', duplicateOf: 't0' },
      /重复/,
      [],
    ],
    [
      'confirm',
      { status: 'fixed' },
      { rating: 4 },
      {},
      { status: 'fixed', rated: true, rating: 4 },
      /评分 4 星/,
      [],
    ],
    [
      'reopen',
      { status: 'fixed', level: 1, ownerId: 'co', rated: true, rating: 2, afterPhotos: AFTER },
      { reason: '还在' },
      {},
      {
        status: 'pending',
        cycle: 2,
        level: 0,
        ownerId: 'fc',
        rated: false,
        rating: null,
        afterPhotos: [],
      },
      /还在/,
      ['assigned→fc'],
    ],
    [
      'support',
      {},
      {},
      { actor: { kind: 'system', id: 'me', name: 'x' } as never },
      { status: 'pending', supporterIds: ['s1', 'me'] },
      null,
      [],
    ],
    [
      'remind',
      { status: 'rectifying', deadline: at },
      { reason: '距整改期限还有 24 小时', target: 'owner' },
      {},
      { status: 'rectifying', reminders: 1 },
      /已提醒 层长 尹志强/,
      ['reminder→fc'],
    ],
    [
      'overdue',
      { status: 'rectifying', deadline: at },
      { reason: '限期整改已逾期' },
      {},
      { status: 'rectifying', overdue: true, level: 2, ownerId: 'bc' },
      /由 层长 尹志强 升级至 楼长 王楼长/,
      ['escalated→bc'],
    ],
    [
      'grade',
      {},
      { grade: 'major', reason: '涉及氧气管道' },
      {},
      { status: 'pending', grade: 'major' },
      /一般隐患 → 重大隐患：涉及氧气管道/,
      [],
    ],
    [
      'plan',
      { grade: 'major' },
      {
        responsibleId: 'bc',
        measures: '更换管道',
        funds: 12000,
        deadline: DEADLINE,
        contingency: '停用并设警示',
      },
      { found: { responsibleId: { id: 'bc', name: '王楼长' } } },
      {
        status: 'pending',
        majorPlan: expect.objectContaining({
          responsibleId: 'bc',
          responsibleName: '王楼长',
          funds: 12000,
          deadline: new Date(DEADLINE),
        }),
      },
      /责任人 王楼长；措施：更换管道；资金 12000 元；时限 2026-12-01；预案：停用并设警示/,
      [],
    ],
    [
      'signoff',
      {
        status: 'reviewing',
        grade: 'major',
        signoffs: [{ side: 'safety', userId: 'so', name: '安全办', opinion: '同意', at }],
      },
      { opinion: '同意销号' },
      {
        actor: { kind: 'system', id: 'ld', name: '院领导甲' } as never,
        relations: new Set<Relation>(['leader', 'staff']),
      },
      {
        status: 'closed',
        resolvedAt: at,
        signoffs: [
          expect.objectContaining({ side: 'safety' }),
          expect.objectContaining({ side: 'leader', userId: 'ld', opinion: '同意销号' }),
        ],
      },
      /院领导签字：同意销号/,
      ['resolved→rep'],
    ],
  ]

  it('covers every action', () =>
    expect(new Set(ROWS.map((r) => r[0]))).toEqual(new Set(TICKET_ACTIONS)))

  it.each(ROWS)('%s', (action, over, input, w, patch, note, pushes) => {
    const t = { ...base, ...over }
    const out = decide(action, t, { id: 't1', action, ...input } as never, world(w))
    expect(out.patch).toMatchObject({ ...patch, version: 4, updatedAt: at })
    if (note) expect(out.event.note).toMatch(note)
    expect(out.notifications.map((n) => `${n.kind}→${n.to.userId}`)).toEqual(pushes)
  })

  it.each<[string, TicketAction, Partial<TicketDoc>, Record<string, unknown>, Date]>([
    [
      'a deadline reminder names the deadline, never the send time',
      'remind',
      { status: 'rectifying', deadline: new Date(DEADLINE), createdAt: new Date(0) },
      { reason: '距整改期限还有 24 小时', target: 'owner' },
      new Date(DEADLINE),
    ],
    [
      'an escalation names the report time (上报时间)',
      'escalate',
      { createdAt: new Date(0) },
      { reason: '超时 30 分钟未受理' },
      new Date(0),
    ],
    [
      'an overdue escalation names the report time, its note the deadline',
      'overdue',
      { status: 'rectifying', deadline: new Date(DEADLINE), createdAt: new Date(0) },
      { reason: '限期整改已逾期（期限 12-01 23:59）' },
      new Date(0),
    ],
  ])('%s', (_name, action, over, input, time) => {
    const out = decide(
      action,
      { ...base, ...over },
      { id: 't1', action, ...input } as never,
      world(),
    )
    expect(out.notifications.length).toBeGreaterThan(0)
    for (const n of out.notifications) expect(n.time).toEqual(time)
  })

  it('links a duplicate to its original and counts its people as +1s there', () => {
    const out = decide(
      'duplicate',
      base,
      { id: 't1', action: 'duplicate', duplicateOf: 't0', reason: '重复' },
      world({
        found: {
          duplicateOf: { _id: 't0', reporterId: 'r0', supporterIds: [], status: 'pending' },
        },
      }),
    )
    expect(out.link).toEqual({ originalId: 't0', duplicateId: 't1', supporterIds: ['rep', 's1'] })
  })

  // action, ticket level, the floor's chain, the target floor's chain → what is missing (or nothing)
  it.each<[TicketAction, number, OwnerStep[], OwnerStep[] | undefined, string | undefined]>([
    ['escalate', 0, chain, undefined, undefined],
    ['escalate', 2, chain, undefined, 'ticket.invalid_transition 没有更高一级的负责人'],
    ['reopen', 0, chain, undefined, undefined],
    ['reopen', 0, [], undefined, 'org.not_found 这个楼层还没有配置负责人，请联系安全办'],
    ['transfer', 0, chain, [step(0, 'fc4', '张层长')], undefined],
    ['transfer', 0, chain, [], 'org.not_found 目标楼层还没有配置负责人，请联系安全办'],
    ['accept', 0, [], undefined, undefined],
  ])(
    '%s at level %i: the owners it needs are on the roster',
    (action, level, c, target, missing) => {
      const found = target
        ? { targetFloorId: { floorId: 'F4', buildingId: 'B7', place: '7号楼 4层', chain: target } }
        : {}
      const unmet = unmetNeed(action, { ...base, level }, world({ chain: c, found }))
      expect(unmet && `${unmet.code} ${unmet.reason}`).toEqual(missing)
    },
  )
})
