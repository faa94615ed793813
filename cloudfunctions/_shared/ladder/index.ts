// The ladder wing's public face: the `sla` function's sweep, run by its timer.
import type { ActionContext } from '../runtime'
import type { InternalRoutes } from '../runtime/define-function'
import { sendEveningLists } from './evening'
import { sweepDue } from './sweep'

/** One sweep: moves what is due up the ladder, then sends the evening list when it is time. */
export const sweep = async (ctx: ActionContext) => ({
  ...(await sweepDue(ctx)),
  evening: await sendEveningLists(ctx),
})

/** Server-only: the sweep, callable by another function or a harness script. */
export const slaInternal: InternalRoutes<'sla'> = { sweep: (_input, ctx) => sweep(ctx) }
