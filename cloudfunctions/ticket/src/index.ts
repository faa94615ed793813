// The `ticket` function: routes only; the use cases live in _shared/ticket.
import { formatCursor } from '../../../types/cursor'
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import {
  countByOwner,
  getTicketsByIds,
  listByOwner,
  listByReporter,
  listOpenOnFloor,
  type TicketDoc,
} from '../../_shared/db/tickets'
import { AppError, defineFunction } from '../../_shared/runtime'
import { boardTicketIds } from '../../_shared/db/notifications'
import { eveningView } from '../../_shared/sla/evening-view'
import { requireUser } from '../../_shared/ticket/actor'
import { createTicket } from '../../_shared/ticket/create'
import { actOnTicket } from '../../_shared/ticket/door'
import { getTicketView } from '../../_shared/ticket/read'
import { toSummary } from '../../_shared/ticket/view'

/** The cursor of the next page: the last row's sort time, or null when this page was the last. */
function cursorAfter(
  items: TicketDoc[],
  limit: number,
  field: 'createdAt' | 'updatedAt',
): string | null {
  const last = items[items.length - 1]
  return items.length === limit && last ? formatCursor(new Date(last[field]), last._id) : null
}

export const main = defineFunction('ticket', {
  create: (input, ctx) => createTicket(ctx, input),
  get: ({ id }, ctx) => getTicketView(ctx, id),
  act: (input, ctx) => actOnTicket(ctx, input),
  mine: async ({ limit, before }, ctx) => {
    const user = await requireUser(ctx)
    const items = await listByReporter(ctx.db, user._id, limit, before)
    return {
      items: items.map((t) => toSummary(t, user._id)),
      nextCursor: cursorAfter(items, limit, 'createdAt'),
    }
  },
  inbox: async ({ status, limit, before }, ctx) => {
    const user = await requireUser(ctx)
    const states: TicketState[] = status ? [status] : [...OPEN_STATES]
    const [items, counts] = await Promise.all([
      listByOwner(ctx.db, user._id, states, limit, before),
      countByOwner(ctx.db, user._id),
    ])
    return {
      items: items.map((t) => toSummary(t, user._id)),
      counts,
      nextCursor: cursorAfter(items, limit, 'updatedAt'),
    }
  },
  evening: ({ buildingId, date }, ctx) => eveningView(ctx, buildingId, date),
  board: async (_input, ctx) => {
    const user = await requireUser(ctx)
    if (!user.roles.includes('safety_office')) throw new AppError('auth.forbidden')
    const ids = await boardTicketIds(ctx.db, 100)
    const open = (await getTicketsByIds(ctx.db, ids)).filter((t) =>
      (OPEN_STATES as readonly string[]).includes(t.status),
    )
    return { items: open.slice(0, 50).map((t) => toSummary(t, user._id)), count: open.length }
  },
  openOnFloor: async ({ floorId }, ctx) => {
    const user = await requireUser(ctx)
    return {
      items: (await listOpenOnFloor(ctx.db, floorId, OPEN_STATES)).map((t) =>
        toSummary(t, user._id),
      ),
    }
  },
})
