// The client's pure list rules: status colours, and a building's work grouped by floor, urgent first.
import { groupByFloor, stuckFirst } from '../../../src/lists'
import { statusTone, type StatusTone } from '../../../src/status'
import type { TicketSummary } from '../../../types/api/ticket'
import type { TicketState } from '../../../types/ticket'

describe('status colours', () => {
  it.each<[TicketState, boolean, StatusTone]>([
    ['pending', false, 'open'],
    ['processing', false, 'progress'],
    ['rectifying', false, 'progress'],
    ['reviewing', false, 'progress'],
    ['pending', true, 'overdue'],
    ['rectifying', true, 'overdue'],
    ['fixed', false, 'done'],
    ['closed', false, 'done'],
    ['closed', true, 'done'],
    ['rejected', false, 'void'],
    ['duplicate', false, 'void'],
  ])('%s (overdue %s) is %s', (status, overdue, tone) => {
    expect(statusTone(status, overdue)).toBe(tone)
  })
})

const row = (id: string, floorId: string, updatedAt: string, extra: Partial<TicketSummary> = {}) =>
  ({
    id,
    floorId,
    area: `7号楼 ${floorId.slice(-2)}层`,
    updatedAt,
    overdue: false,
    dueAt: null,
    ...extra,
  }) as TicketSummary

describe('a building’s open work', () => {
  const rows = [
    row('a', 'F01', '2026-11-20T08:00:00Z'),
    row('b', 'F03', '2026-11-18T08:00:00Z'),
    row('c', 'F01', '2026-11-19T08:00:00Z'),
    row('d', 'F05', '2026-11-21T08:00:00Z', { overdue: true }),
    row('e', 'F03', '2026-11-22T08:00:00Z', { dueAt: '2026-11-23T00:00:00Z' }),
  ]
  it('puts overdue first, then what has a due time, then the longest untouched', () => {
    expect(stuckFirst(rows).map((r) => r.id)).toEqual(['d', 'e', 'b', 'c', 'a'])
  })
  it('groups by floor, the floor with the most urgent work first', () => {
    expect(groupByFloor(rows).map((g) => [g.floorId, g.items.map((r) => r.id)])).toEqual([
      ['F05', ['d']],
      ['F03', ['e', 'b']],
      ['F01', ['c', 'a']],
    ])
  })
})
