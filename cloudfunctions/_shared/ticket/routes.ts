// The ticket routes: reporting, reading, acting, and every list a role works from.
import { Role, hasRole, requireUser } from '../runtime/auth'
import { OPEN_STATES } from '../../../types/ticket'
import { getTicketsByIds, listOpenOnFloor } from './store/tickets'
import { AppError, type Routes } from '../runtime'
import { boardTicketIds } from '../notify/store/outbox'
import { recordAudit } from '../trust/store/audit'
import { getTicket } from './store/tickets'
import { eveningView } from '../ladder/evening-view'
import { createTicket } from './create'
import { actOnTicket } from './door'
import {
  buildingList,
  doneList,
  floorList,
  hospitalList,
  myReports,
  summarize,
  workbenchOf,
} from './lists'
import { getTicketView } from './read'

/** Every ticket action a client may call. */
export const ticketRoutes: Routes<'ticket'> = {
  create: (input, ctx) => createTicket(ctx, input),
  get: ({ id }, ctx) => getTicketView(ctx, id),
  act: (input, ctx) => actOnTicket(ctx, input),
  mine: async (input, ctx) => myReports(ctx, await requireUser(ctx), input),
  inbox: async (input, ctx) => floorList(ctx, await requireUser(ctx), input),
  reveal: async ({ id, reason }, ctx) => {
    const user = await requireUser(ctx)
    if (!hasRole(user, Role.safetyOffice)) throw new AppError('auth.forbidden')
    const t = await getTicket(ctx.db, id)
    if (!t) throw new AppError('ticket.not_found')
    await recordAudit(ctx.db, {
      action: 'ticket.reveal_reporter',
      actorId: user._id,
      actorName: user.name,
      targetType: 'ticket',
      targetId: t._id,
      reason,
      at: ctx.now(),
    })
    return { reporterName: t.reporterName }
  },
  evening: ({ buildingId, date }, ctx) => eveningView(ctx, buildingId, date),
  board: async (_input, ctx) => {
    const user = await requireUser(ctx)
    if (!hasRole(user, Role.safetyOffice)) throw new AppError('auth.forbidden')
    const ids = await boardTicketIds(ctx.db, 100)
    const open = (await getTicketsByIds(ctx.db, ids)).filter((t) =>
      (OPEN_STATES as readonly string[]).includes(t.status),
    )
    const page = await summarize(ctx, user, open.slice(0, 50), 50, {
      field: 'updatedAt',
      dir: 'desc',
    })
    return { items: page.items, count: open.length }
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
}
