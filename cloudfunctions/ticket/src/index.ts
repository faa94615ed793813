// The `ticket` function: routes only; the use cases live in _shared/ticket.
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import { countByOwner, listByOwner, listByReporter, listOpenOnFloor } from '../../_shared/db/tickets'
import { AppError, defineFunction, isInternalCall } from '../../_shared/runtime'
import { requireUser } from '../../_shared/ticket/actor'
import { actOnTicket, createTicket, escalateUnreachable, getTicketView } from '../../_shared/ticket/service'
import { toSummary } from '../../_shared/ticket/view'

export const main = defineFunction('ticket', {
  create: (input, ctx) => createTicket(ctx, input),
  get: ({ id }, ctx) => getTicketView(ctx, id),
  act: (input, ctx) => actOnTicket(ctx, input),
  mine: async ({ limit }, ctx) => {
    const user = await requireUser(ctx)
    return { items: (await listByReporter(ctx.db, user._id, limit)).map((t) => toSummary(t, user._id)) }
  },
  inbox: async ({ status, limit }, ctx) => {
    const user = await requireUser(ctx)
    const states: TicketState[] = status ? [status] : [...OPEN_STATES]
    const [items, counts] = await Promise.all([listByOwner(ctx.db, user._id, states, limit), countByOwner(ctx.db, user._id)])
    return { items: items.map((t) => toSummary(t, user._id)), counts }
  },
  openOnFloor: async ({ floorId }, ctx) => {
    const user = await requireUser(ctx)
    return { items: (await listOpenOnFloor(ctx.db, floorId, OPEN_STATES)).map((t) => toSummary(t, user._id)) }
  },
  escalateUnreachable: async ({ ticketId, fromUserId }, ctx) => {
    if (!isInternalCall(ctx)) throw new AppError('auth.forbidden')
    return { escalated: await escalateUnreachable(ctx, ticketId, fromUserId) }
  },
})
