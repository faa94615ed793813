// A domain error a handler throws on purpose; the wrapper turns it into an error envelope.
import type { FieldIssue } from '../../../types/envelope'
import { errorMessageZh, type ErrorCode } from '../../../types/errors'

/** An expected failure with a code the client understands. */
export class AppError extends Error {
  readonly code: ErrorCode
  readonly issues?: FieldIssue[]
  readonly data?: unknown

  constructor(
    code: ErrorCode,
    message?: string,
    extra: { issues?: FieldIssue[]; data?: unknown } = {},
  ) {
    super(message ?? errorMessageZh(code))
    this.code = code
    this.issues = extra.issues
    this.data = extra.data
  }
}
