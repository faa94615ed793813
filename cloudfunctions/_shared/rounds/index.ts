// The rounds wing's public face: what the `rounds` function routes and its daily timer.
import type { ActionContext } from '../runtime'
import { remindTomorrow } from './remind'

export { roundsInternal, roundsRoutes } from './routes'

/** The daily timer: tomorrow's rounds remind their leaders. */
export const remindDaily = (ctx: ActionContext) => remindTomorrow(ctx)
