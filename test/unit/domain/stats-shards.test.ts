// Sharded counter documents: shard ids map back to their document, and reading sums the shards.
import {
  emptyDay,
  type DayCounters,
  type OpenCounter,
} from '../../../cloudfunctions/_shared/stats/domain/docs'
import {
  anyShard,
  logicalId,
  mergeDays,
  mergeOpen,
  SHARDS,
  shardId,
  shardIds,
} from '../../../cloudfunctions/_shared/stats/domain/shards'

const day = (
  id: string,
  m: Record<string, number>,
  rep: Record<string, number> = {},
): DayCounters => ({
  ...emptyDay('2026-11-25', 'all'),
  _id: id,
  m,
  rep,
})

describe('stats shards', () => {
  it.each([
    ['2026-11-25|all', 0, '2026-11-25|all'],
    ['2026-11-25|all', 3, '2026-11-25|all#3'],
    ['W2026-11-23|B07', 7, 'W2026-11-23|B07#7'],
    ['_b:B07', 1, '_b:B07#1'],
    ['B07F03', 5, 'B07F03#5'],
  ])('shard %s/%i is %s and maps back', (id, k, want) => {
    expect(shardId(id, k)).toBe(want)
    expect(logicalId(want)).toBe(id)
  })

  it('lists every shard once, shard 0 under the document’s own id', () => {
    const ids = shardIds('_all')
    expect(ids).toHaveLength(SHARDS)
    expect(new Set(ids).size).toBe(SHARDS)
    expect(ids[0]).toBe('_all')
  })

  it.each([0, 0.5, 0.999999, 1])('picks a shard in range for random %p', (r) => {
    const k = anyShard(() => r)
    expect(k).toBeGreaterThanOrEqual(0)
    expect(k).toBeLessThan(SHARDS)
  })

  it('sums day shards per day and scope, dropping what cancels out', () => {
    const merged = mergeDays([
      day('2026-11-25|all', { reported: 2, rejected: 1 }, { u1: 1 }),
      day('2026-11-25|all#4', { reported: 3, rejected: -1 }),
      { ...day('2026-11-25|B07#2', { reported: 1 }), scope: 'B07', _id: '2026-11-25|B07#2' },
    ])
    expect(merged).toHaveLength(2)
    expect(merged[0]).toMatchObject({ _id: '2026-11-25|all', m: { reported: 5 }, rep: { u1: 1 } })
    expect(merged[0].m).not.toHaveProperty('rejected')
    expect(merged[1]).toMatchObject({ _id: '2026-11-25|B07', scope: 'B07', m: { reported: 1 } })
  })

  it('sums open shards per floor, building and hospital', () => {
    const open = (id: string, buildingId: string, floorId: string, n: number): OpenCounter => ({
      _id: id,
      buildingId,
      floorId,
      open: n,
    })
    expect(
      mergeOpen([
        open('B07F03', 'B07', 'B07F03', 2),
        open('B07F03#6', 'B07', 'B07F03', -1),
        open('_b:B07#2', 'B07', '', 1),
        open('_all#1', '', '', 1),
      ]),
    ).toEqual([
      open('B07F03', 'B07', 'B07F03', 1),
      open('_b:B07', 'B07', '', 1),
      open('_all', '', '', 1),
    ])
  })
})
