// The ladder wing's public face: the `sla` function's sweep, run by its timer.
import type { ActionContext } from '../runtime'
import type { InternalRoutes } from '../runtime/define-function'
import { sendEveningLists } from './evening'
import { sweepDue } from './sweep'
import { countLeftovers } from '../stats/catch-up'
import { screenLeftovers } from '../ticket/follow'

/**
 * One sweep: moves what is due up the ladder, sends the evening list when it is time, counts the
 * transitions statistics left uncounted and screens the photos no follow-up call screened (the
 * minute's timer the hospital already runs).
 */
export const sweep = async (ctx: ActionContext) => ({
  ...(await sweepDue(ctx)),
  evening: await sendEveningLists(ctx),
  counted: (await countLeftovers(ctx.db)).counted,
  screened: await screenLeftovers(ctx),
})

/** Server-only: the sweep, callable by another function or a harness script. */
export const slaInternal: InternalRoutes<'sla'> = { sweep: (_input, ctx) => sweep(ctx) }
