// The stats wing's public face: what the `stats` function routes and what its timer does.
import type { ActionContext } from '../runtime'
import { freezeDue } from './bulletins'

export { statsRoutes } from './routes'

/** The timer: freezes the bulletins that are due. */
export const freezeDueBulletins = async (ctx: ActionContext) => ({ frozen: await freezeDue(ctx) })
