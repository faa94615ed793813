// The typed client: `call('user', 'whoami', {})` — names, input and output all come from types/api.
import {
  actionSpec,
  toFieldIssues,
  type ActionInput,
  type ActionName,
  type ActionOutput,
  type FunctionName,
} from '../../types'
import { ApiError } from './api-error'
import { send } from './transport'

/** Calls a cloud function action; resolves with its data or throws ApiError. */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  opts: { requestId?: string } = {},
): Promise<ActionOutput<F, A>> {
  const spec = actionSpec(fn, action)
  if (!spec) throw new ApiError('action.unknown')
  const parsed = spec.input.safeParse(input)
  if (!parsed.success) {
    const issues = toFieldIssues(parsed.error)
    throw new ApiError('input.invalid', issues[0]?.message, issues)
  }
  const envelope = await send(fn, { action, input, requestId: opts.requestId })
  if (envelope.ok) return envelope.data as ActionOutput<F, A>
  throw new ApiError(
    envelope.code,
    envelope.message,
    envelope.issues,
    (envelope as { data?: unknown }).data,
  )
}
