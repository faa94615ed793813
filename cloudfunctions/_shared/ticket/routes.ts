// The ticket routes: reporting, reading, acting, and every list a role works from.
import { requireUser } from '../runtime/auth'
import type { Routes } from '../runtime'
import { revealReporter, safetyBoard, supervisedBoard } from './desk'
import { openOnFloor } from './floor-open'
import { eveningView } from '../ladder/evening-view'
import { createTicket } from './create'
import { actOnTicket } from './door'
import { buildingList, doneList, floorList, hospitalList, myReports, workbenchOf } from './lists'
import { getTicketView } from './read'
import { followTicket } from './follow'

/** Every ticket action a client may call. */
export const ticketRoutes: Routes<'ticket'> = {
  create: (input, ctx) => createTicket(ctx, input),
  get: ({ id }, ctx) => getTicketView(ctx, id),
  follow: ({ id }, ctx) => followTicket(ctx, id),
  act: (input, ctx) => actOnTicket(ctx, input),
  mine: async (input, ctx) => myReports(ctx, await requireUser(ctx), input),
  inbox: async (input, ctx) => floorList(ctx, await requireUser(ctx), input),
  reveal: ({ id, reason }, ctx) => revealReporter(ctx, id, reason),
  evening: ({ buildingId, date }, ctx) => eveningView(ctx, buildingId, date),
  board: (_input, ctx) => safetyBoard(ctx),
  supervised: (_input, ctx) => supervisedBoard(ctx),
  openOnFloor: async ({ floorId }, ctx) => openOnFloor(ctx, await requireUser(ctx), floorId),
  workbench: async (_input, ctx) => workbenchOf(ctx, await requireUser(ctx)),
  building: async (input, ctx) => buildingList(ctx, await requireUser(ctx), input),
  done: async (input, ctx) => doneList(ctx, await requireUser(ctx), input),
  hospital: async (input, ctx) => hospitalList(ctx, await requireUser(ctx), input),
}
