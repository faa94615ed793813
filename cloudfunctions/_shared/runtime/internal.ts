// Calling another function's internal action, typed from the server-only map.
import type { Envelope } from '../../../types'
import type { ActionContext } from './context'
import type {
  InternalAction,
  InternalFunction,
  InternalInput,
  InternalOutput,
} from './internal-api'

/** Calls `fn.action` from this function; throws when the callee answers an error. */
export async function callInternal<F extends InternalFunction, A extends InternalAction<F>>(
  ctx: ActionContext,
  fn: F,
  action: A,
  input: InternalInput<F, A>,
): Promise<InternalOutput<F, A>> {
  const res = (await ctx.cloud.callFunction({ name: fn, data: { action, input } })) as {
    result?: Envelope<InternalOutput<F, A>>
  }
  const envelope = res.result
  if (!envelope || !envelope.ok)
    throw new Error(`${fn}.${action}: ${envelope ? envelope.code : 'no answer'}`)
  return envelope.data
}
