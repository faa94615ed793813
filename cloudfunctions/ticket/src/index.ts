// The `ticket` function: routes only; the use cases live in _shared/ticket.
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import { countByOwner, listByOwner, listOpenOnFloor } from '../../_shared/db/tickets'
import { AppError, defineFunction, isInternalCall } from '../../_shared/runtime'
import { requireUser } from '../../_shared/ticket/actor'
import {
  buildingList,
  doneList,
  hospitalList,
  myReports,
  parseCursor,
  summarize,
  workbenchOf,
} from '../../_shared/ticket/lists'
import {
  actOnTicket,
  createTicket,
  escalateUnreachable,
  getTicketView,
} from '../../_shared/ticket/service'

export const main = defineFunction('ticket', {
  create: (input, ctx) => createTicket(ctx, input),
  get: ({ id }, ctx) => getTicketView(ctx, id),
  act: (input, ctx) => actOnTicket(ctx, input),
  mine: async (input, ctx) => myReports(ctx, await requireUser(ctx), input),
  inbox: async ({ status, limit, before }, ctx) => {
    const user = await requireUser(ctx)
    const states: TicketState[] = status ? [status] : [...OPEN_STATES]
    const [items, counts] = await Promise.all([
      listByOwner(ctx.db, user._id, states, limit, parseCursor(before)),
      countByOwner(ctx.db, user._id),
    ])
    const page = await summarize(ctx, user, items, limit, { field: 'updatedAt', dir: 'desc' })
    return { ...page, counts }
  },
  openOnFloor: async ({ floorId }, ctx) => {
    const user = await requireUser(ctx)
    const items = await listOpenOnFloor(ctx.db, floorId, OPEN_STATES)
    return {
      items: (await summarize(ctx, user, items, 50, { field: 'createdAt', dir: 'desc' })).items,
    }
  },
  workbench: async (_input, ctx) => workbenchOf(ctx, await requireUser(ctx)),
  building: async (input, ctx) => buildingList(ctx, await requireUser(ctx), input),
  done: async (input, ctx) => doneList(ctx, await requireUser(ctx), input),
  hospital: async (input, ctx) => hospitalList(ctx, await requireUser(ctx), input),
  escalateUnreachable: async ({ ticketId, fromUserId }, ctx) => {
    if (!isInternalCall(ctx)) throw new AppError('auth.forbidden')
    return { escalated: await escalateUnreachable(ctx, ticketId, fromUserId) }
  },
})
