// The API map: function → action → input and output schemas. Client call signatures and the
// server router are both typed from this one object; each function's bundle carries only its own
// part (its route table names it), so a cold start builds no other function's schemas.
import type { z } from 'zod'
import { specIn, type ActionSchemas } from './action-spec'
import { userApi } from './user'
import { orgApi } from './org'
import { adminApi } from './admin'
import { ticketFunctionApi } from './ticket-function'
import { notifyApi } from './notify'
import { statsApi } from './stats'
import { safetyApi } from './safety'
import { mediaApi } from './media'
import { signinApi } from './signin'
import { roundsApi } from './rounds'

export const api = {
  user: userApi,
  org: orgApi,
  /** Roster files and posters (heavy libraries, kept out of `org`). */
  admin: adminApi,
  ticket: ticketFunctionApi,
  notify: notifyApi,
  safety: safetyApi,
  media: mediaApi,
  /** The SLA ladder runs on its timer only: no client action. */
  sla: {},
  stats: statsApi,
  /** PC sign-in by scanning with the mini-program, and the PC sessions it opened. */
  signin: signinApi,
  /** Inspection rounds: checklists, rounds, answers, findings, reports. */
  rounds: roundsApi,
}

export type Api = typeof api
export type FunctionName = keyof Api
export type ActionName<F extends FunctionName> = keyof Api[F] & string
type Spec<F extends FunctionName, A extends ActionName<F>> = Api[F][A] extends {
  input: z.ZodTypeAny
  output: z.ZodTypeAny
}
  ? Api[F][A]
  : never
/** What a caller passes (before defaults and transforms). */
export type ActionInput<F extends FunctionName, A extends ActionName<F>> = z.input<
  Spec<F, A>['input']
>
/** What the handler receives (after parsing). */
export type ParsedInput<F extends FunctionName, A extends ActionName<F>> = z.output<
  Spec<F, A>['input']
>
/** What the handler returns and the caller receives. */
export type ActionOutput<F extends FunctionName, A extends ActionName<F>> = z.output<
  Spec<F, A>['output']
>

/** The schemas of one action, or undefined when the function has no such action. */
export function actionSpec(fn: FunctionName, action: string): ActionSchemas | undefined {
  return specIn(api[fn], action)
}
