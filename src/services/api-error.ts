// The one error type the UI sees from a call: a code it can branch on and Chinese text it can show.
import { PhotoError } from './photo-errors'
import { errorMessageZh, type ErrorCode } from '../../types/errors'
import type { FieldIssue } from '../../types/envelope'

/** A failed call, typed. */
export class ApiError extends Error {
  readonly code: ErrorCode
  readonly issues?: FieldIssue[]
  /** Extra data the server attached (e.g. the fresh ticket on `ticket.conflict`). */
  readonly data?: unknown

  constructor(code: ErrorCode, message?: string, issues?: FieldIssue[], data?: unknown) {
    super(message || errorMessageZh(code))
    this.code = code
    this.issues = issues
    this.data = data
  }
}

/** Chinese text for anything thrown by a call. */
export function messageOf(error: unknown): string {
  if (error instanceof ApiError || error instanceof PhotoError) return error.message
  return errorMessageZh('internal')
}
