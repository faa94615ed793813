// The contract's check of a call's input, with zod speaking Chinese: the whole API map lives here, so
// the H5 app loads it in its own chunk (call.ts) instead of in every page's first script.
import {
  actionSpec,
  installChineseZodMessages,
  toFieldIssues,
  type FieldIssue,
  type FunctionName,
} from '../../types'

installChineseZodMessages()

/** The issues with `input` for `fn.action` ([] when it is valid), or 'unknown' for no such action. */
export function inputIssues(
  fn: FunctionName,
  action: string,
  input: unknown,
): FieldIssue[] | 'unknown' {
  const spec = actionSpec(fn, action)
  if (!spec) return 'unknown'
  const parsed = spec.input.safeParse(input)
  return parsed.success ? [] : toFieldIssues(parsed.error)
}
