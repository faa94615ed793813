// Pure ordering of list rows, shared by the 待办 views (and unit-tested without Taro).
import type { TicketSummary } from '../types/api/ticket'

/** Orders a building's open work: overdue first, then the longest untouched. Pure. */
export function stuckFirst(items: TicketSummary[]): TicketSummary[] {
  return [...items].sort(
    (a, b) =>
      Number(b.overdue) - Number(a.overdue) ||
      (a.dueAt ?? '9').localeCompare(b.dueAt ?? '9') ||
      a.updatedAt.localeCompare(b.updatedAt),
  )
}

/** Groups rows by floor, floors with the most urgent work first. Pure. */
export function groupByFloor(
  items: TicketSummary[],
): Array<{ floorId: string; area: string; items: TicketSummary[] }> {
  const groups = new Map<string, { floorId: string; area: string; items: TicketSummary[] }>()
  for (const t of stuckFirst(items)) {
    const g = groups.get(t.floorId) ?? { floorId: t.floorId, area: t.area, items: [] }
    g.items.push(t)
    groups.set(t.floorId, g)
  }
  return [...groups.values()]
}
