// The one shape every cloud function answers with, and the one shape every call sends.
import { z } from 'zod'
import type { ErrorCode } from './errors'

/** One problem with the input: the dotted field path and what is wrong with it. */
export interface FieldIssue {
  path: string
  message: string
}

export type OkEnvelope<T> = { ok: true; data: T }
export type ErrEnvelope = { ok: false; code: ErrorCode; message: string; issues?: FieldIssue[] }
export type Envelope<T> = OkEnvelope<T> | ErrEnvelope

/** What a client sends as callFunction `data`. */
export const CallRequest = z.object({
  action: z.string().min(1).max(64),
  input: z.unknown().optional(),
  requestId: z.string().max(64).optional(),
})
export type CallRequest = z.infer<typeof CallRequest>

/** Turns zod issues into field issues with dotted paths. */
export function toFieldIssues(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.join('.') : '(input)',
    message: issue.message,
  }))
}
