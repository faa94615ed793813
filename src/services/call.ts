// The typed client: `call('user', 'whoami', {})` — names, input and output all come from types/api.
import type { ActionInput, ActionName, ActionOutput, FunctionName } from '../../types/api'
import { ApiError } from './api-error'
import { send } from './transport'

type InputCheck = typeof import('./input-check')

/** Resolves once the browser has painted the frame under way (or after 100 ms, in a hidden tab). */
function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0))
    setTimeout(resolve, 100)
  })
}
let inputCheck: Promise<InputCheck> | undefined

/**
 * Loads the contract's input check once. In H5 it is a chunk of its own, fetched beside the first
 * page's (the app starts it) and run once the frame under way has painted: building its schemas
 * never holds back a first screen. A failed fetch is a network failure, tried again by the next
 * call. The weapp holds it in its package.
 */
export function loadInputCheck(): Promise<InputCheck> {
  inputCheck ??=
    process.env.TARO_ENV === 'h5'
      ? afterPaint()
          .then(() => import('./input-check'))
          .catch(() => {
            inputCheck = undefined
            throw new ApiError('network')
          })
      : Promise.resolve(require('./input-check') as InputCheck)
  return inputCheck
}

/**
 * Calls a cloud function action; resolves with its data or throws ApiError. `early`: a read the
 * app's launch sends before the input check has arrived (the function checks its input all the
 * same, and a read writes nothing to keep from bad input).
 */
export async function call<F extends FunctionName, A extends ActionName<F>>(
  fn: F,
  action: A,
  input: ActionInput<F, A>,
  opts: { requestId?: string; early?: boolean } = {},
): Promise<ActionOutput<F, A>> {
  if (!opts.early) {
    const issues = (await loadInputCheck()).inputIssues(fn, action, input)
    if (issues === 'unknown') throw new ApiError('action.unknown')
    if (issues.length) throw new ApiError('input.invalid', issues[0]?.message, issues)
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
