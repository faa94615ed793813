// The `ticket` function's whole part of the API map: reporting, reading and acting (ticket.ts) and
// the role-aware work lists (ticket-lists.ts).
import { ticketApi } from './ticket'
import { ticketListApi } from './ticket-lists'

export const ticketFunctionApi = { ...ticketApi, ...ticketListApi }
