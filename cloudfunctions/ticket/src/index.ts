// The `ticket` function: reporting a hazard, reading and acting on it, and every list a role
// works from.
import { defineFunction } from '../../_shared/runtime'
import { ticketFunctionApi } from '../../../types/api/ticket-function'
import { ticketRoutes } from '../../_shared/ticket'

export const main = defineFunction('ticket', ticketFunctionApi, ticketRoutes)
