// The `sla` function: on its timer, moves what is due up the ladder and sends the evening list.
import { defineFunction } from '../../_shared/runtime'
import { sweepDue } from '../../_shared/ladder/sweep'
import { sendEveningLists } from '../../_shared/ladder/evening'

const routes = defineFunction(
  'sla',
  {},
  {
    internal: {
      sweep: async (_input, ctx) => ({
        ...(await sweepDue(ctx)),
        evening: await sendEveningLists(ctx),
      }),
    },
  },
)

/** Timer firings carry no action: each one is a sweep. */
export const main: typeof routes = (event, context) =>
  event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer'
    ? routes({ action: 'sweep', input: {} }, context)
    : routes(event, context)
