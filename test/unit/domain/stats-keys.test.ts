// Which counters each transition bumps, table-driven; dates in Asia/Shanghai; folding into documents.
import {
  counterDeltas,
  duePeriods,
  shanghaiDay,
  weekStart,
  type CounterDelta,
  type StatsTicket,
} from '../../../cloudfunctions/_shared/stats/domain/keys'
import { coverRange, emptySet, fold } from '../../../cloudfunctions/_shared/stats/domain/docs'
import { summarize } from '../../../cloudfunctions/_shared/stats/domain/summary'

const REPORTED = new Date('2026-03-02T02:00:00Z') // 10:00 in Shanghai
const base: StatsTicket = {
  buildingId: 'B07',
  floorId: 'B07F03',
  categoryId: 'wet-floor',
  status: 'pending',
  cycle: 1,
  reporterId: 'u-1',
  anonymous: false,
  rating: null,
  deadline: null,
  createdAt: REPORTED,
}
const at = new Date(REPORTED.getTime() + 30 * 60_000)
const t = (patch: Partial<StatsTicket>): StatsTicket => ({ ...base, ...patch })

function metrics(deltas: CounterDelta[]): Record<string, number> {
  const out: Record<string, number> = {}
  for (const d of deltas)
    if (d.kind === 'day') out[`${d.section}.${d.key}`] = (out[`${d.section}.${d.key}`] ?? 0) + d.by
    else out[`open.${d.floorId}`] = (out[`open.${d.floorId}`] ?? 0) + d.by
  return out
}

const CASES: Array<[string, StatsTicket | null, StatsTicket, string, Record<string, number>]> = [
  [
    'report',
    null,
    base,
    'create',
    { 'm.reported': 1, 'cat.wet-floor': 1, 'floor.B07F03': 1, 'open.B07F03': 1 },
  ],
  [
    'accept',
    base,
    t({ status: 'processing' }),
    'accept',
    { 'm.acceptMinutes': 30, 'm.acceptCount': 1, 'capN.u-cap': 1, 'capMin.u-cap': 30 },
  ],
  [
    'fix on the spot from pending',
    base,
    t({ status: 'fixed' }),
    'fix',
    {
      'm.fixedOnSpot': 1,
      'm.resolved': 1,
      'm.resolveMinutes': 30,
      'm.resolveCount': 1,
      'm.acceptMinutes': 30,
      'm.acceptCount': 1,
      'capN.u-cap': 1,
      'capMin.u-cap': 30,
      'capRes.u-cap': 1,
      'rep.u-1': 1,
      'open.B07F03': -1,
    },
  ],
  [
    'anonymous fix names no reporter',
    t({ status: 'processing', anonymous: true }),
    t({ status: 'fixed', anonymous: true }),
    'fix',
    {
      'm.fixedOnSpot': 1,
      'm.resolved': 1,
      'm.resolveMinutes': 30,
      'm.resolveCount': 1,
      'capRes.u-cap': 1,
      'open.B07F03': -1,
    },
  ],
  [
    'defer',
    t({ status: 'processing' }),
    t({ status: 'rectifying', deadline: new Date(at.getTime() + 86400_000) }),
    'defer',
    { 'm.deferred': 1 },
  ],
  [
    'complete on time',
    t({ status: 'rectifying', deadline: new Date(at.getTime() + 1) }),
    t({ status: 'reviewing', deadline: new Date(at.getTime() + 1) }),
    'complete',
    { 'm.completed': 1, 'm.completedOnTime': 1 },
  ],
  [
    'complete late counts overdue once',
    t({ status: 'rectifying', deadline: new Date(at.getTime() - 1) }),
    t({ status: 'reviewing', deadline: new Date(at.getTime() - 1) }),
    'complete',
    { 'm.completed': 1, 'm.overdue': 1 },
  ],
  [
    'complete late, already flagged overdue by the timer',
    t({ status: 'rectifying', deadline: new Date(at.getTime() - 1), overdue: true }),
    t({ status: 'reviewing', deadline: new Date(at.getTime() - 1), overdue: true }),
    'complete',
    { 'm.completed': 1 },
  ],
  [
    'the timer flags overdue',
    t({ status: 'rectifying' }),
    t({ status: 'rectifying', overdue: true }),
    'overdue',
    { 'm.overdue': 1 },
  ],
  [
    'verify closes',
    t({ status: 'reviewing' }),
    t({ status: 'closed' }),
    'verify',
    {
      'm.closed': 1,
      'm.resolved': 1,
      'm.resolveMinutes': 30,
      'm.resolveCount': 1,
      'rep.u-1': 1,
      'capRes.u-cap': 1,
      'open.B07F03': -1,
    },
  ],
  [
    'a 重大 hazard’s first sign-off counts nothing',
    t({ status: 'reviewing' }),
    t({ status: 'reviewing' }),
    'signoff',
    {},
  ],
  [
    'its second sign-off closes it as verifying does',
    t({ status: 'reviewing' }),
    t({ status: 'closed' }),
    'signoff',
    {
      'm.closed': 1,
      'm.resolved': 1,
      'm.resolveMinutes': 30,
      'm.resolveCount': 1,
      'rep.u-1': 1,
      'capRes.u-cap': 1,
      'open.B07F03': -1,
    },
  ],
  ['a grade change counts nothing', base, base, 'grade', {}],
  ['the plan counts nothing', base, base, 'plan', {}],
  [
    'rate 4',
    t({ status: 'fixed' }),
    t({ status: 'fixed', rating: 4 }),
    'confirm',
    { 'm.ratingSum': 4, 'm.ratingCount': 1, 'm.ratingGood': 1 },
  ],
  [
    'rate 3',
    t({ status: 'fixed' }),
    t({ status: 'fixed', rating: 3 }),
    'confirm',
    { 'm.ratingSum': 3, 'm.ratingCount': 1 },
  ],
  [
    'reopen (second cycle)',
    t({ status: 'fixed', rating: 5 }),
    t({ status: 'pending', cycle: 2 }),
    'reopen',
    { 'm.reopened': 1, 'open.B07F03': 1 },
  ],
  [
    'reject from pending',
    base,
    t({ status: 'rejected' }),
    'reject',
    {
      'm.rejected': 1,
      'm.acceptMinutes': 30,
      'm.acceptCount': 1,
      'capN.u-cap': 1,
      'capMin.u-cap': 30,
      'open.B07F03': -1,
    },
  ],
  [
    'duplicate',
    t({ status: 'processing' }),
    t({ status: 'duplicate' }),
    'duplicate',
    { 'm.duplicate': 1, 'open.B07F03': -1 },
  ],
  [
    'transfer moves the open hazard',
    t({ status: 'processing' }),
    t({ status: 'pending', floorId: 'B07F04' }),
    'transfer',
    { 'open.B07F03': -1, 'open.B07F04': 1 },
  ],
  ['support counts nothing', base, base, 'support', {}],
]

describe('counterDeltas', () => {
  it.each(CASES)('%s', (_name, before, after, action, expected) => {
    expect(metrics(counterDeltas(before, after, { action, at, actorId: 'u-cap' }))).toEqual(
      expected,
    )
  })

  it('dates by the Shanghai day', () => {
    expect(shanghaiDay(new Date('2026-03-01T16:30:00Z'))).toBe('2026-03-02')
    expect(shanghaiDay(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01')
    expect(weekStart('2026-03-08')).toBe('2026-03-02')
    expect(weekStart('2026-03-09')).toBe('2026-03-09')
  })

  it.each([
    ['2026-03-02', '2026-03-08', { weeks: ['W2026-03-02', 'W2026-03-02'], days: [] }],
    ['2026-03-04', '2026-03-06', { weeks: null, days: [['2026-03-04', '2026-03-06']] }],
    [
      '2026-03-04',
      '2026-03-18',
      {
        weeks: ['W2026-03-09', 'W2026-03-09'],
        days: [
          ['2026-03-04', '2026-03-08'],
          ['2026-03-16', '2026-03-18'],
        ],
      },
    ],
    [
      '2025-01-01',
      '2025-12-31',
      {
        weeks: ['W2025-01-06', 'W2025-12-22'],
        days: [
          ['2025-01-01', '2025-01-05'],
          ['2025-12-29', '2025-12-31'],
        ],
      },
    ],
  ])('covers %s … %s with whole weeks and edge days', (from, to, expected) => {
    expect(coverRange(from, to)).toEqual(expected)
  })

  it('due bulletins: the last complete week and month', () => {
    expect(duePeriods('2026-03-09')).toEqual([
      { kind: 'weekly', from: '2026-03-02', to: '2026-03-08' },
      { kind: 'monthly', from: '2026-02-01', to: '2026-02-28' },
    ])
  })

  it('folds into hospital and building documents, and summarizes', () => {
    const set = emptySet()
    fold(set, counterDeltas(null, base, { action: 'create', at }))
    fold(set, counterDeltas(base, t({ status: 'fixed' }), { action: 'fix', at }))
    fold(
      set,
      counterDeltas(t({ status: 'fixed' }), t({ status: 'fixed', rating: 5 }), {
        action: 'confirm',
        at,
      }),
    )
    expect([...set.days.keys()].sort()).toEqual([
      '2026-03-02|B07',
      '2026-03-02|all',
      'W2026-03-02|B07',
      'W2026-03-02|all',
    ])
    expect(set.open.get('B07F03')?.open).toBe(0)
    const s = summarize([set.days.get('2026-03-02|all')!], {
      from: '2026-03-01',
      to: '2026-03-08',
      buildingId: null,
      scopeName: '全院',
      open: 0,
      names: { categories: new Map([['wet-floor', '地面湿滑']]), floors: new Map() },
    })
    expect(s).toMatchObject({ found: 1, fixedOnSpot: 1, fixedOnSpotRate: 1, mttrMinutes: 30 })
    expect(s.satisfaction).toEqual({ rate: 1, mean: 5, count: 1 })
    expect(s.topCategories).toEqual([{ id: 'wet-floor', name: '地面湿滑', count: 1 }])
    expect(s.trend.map((w) => w.week)).toEqual(['2026-02-23', '2026-03-02'])
  })
})
