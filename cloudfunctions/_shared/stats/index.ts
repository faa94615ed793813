// The stats wing's public face: what the `stats` function routes and what its timer does.
import type { ActionContext } from '../runtime'
import { freezeDue } from './bulletins'
import { countLeftovers } from './catch-up'

export { statsRoutes } from './routes'

/** The timer: counts what counting left behind, then freezes the bulletins that are due. */
export const freezeDueBulletins = async (ctx: ActionContext) => ({
  catchUp: await countLeftovers(ctx.db),
  frozen: await freezeDue(ctx),
})
