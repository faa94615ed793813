// The handler wrapper: parse input (zod) → context from OPENID → route by action → envelope.
// Only the function's own part of the API map reaches its bundle: never the whole map (types/api).
import type { ActionName, ActionOutput, Api, FunctionName, ParsedInput } from '../../../types/api'
import { specIn } from '../../../types/api/action-spec'
import { CallRequest, toFieldIssues, type Envelope } from '../../../types/envelope'
import { errorMessageZh } from '../../../types/errors'
import { AppError } from './app-error'
import { createContext, isInternalCall, isPlatformCallback, type ActionContext } from './context'
import {
  internalSpec,
  type InternalAction,
  type InternalFunction,
  type InternalOutput,
  type InternalParsed,
} from './internal-api'

export type ActionHandler<F extends FunctionName, A extends ActionName<F>> = (
  input: ParsedInput<F, A>,
  ctx: ActionContext,
) => Promise<ActionOutput<F, A>>

export type Routes<F extends FunctionName> = { [A in ActionName<F>]: ActionHandler<F, A> }

/** Handlers of a function's server-only actions (see internal-api.ts). */
export type InternalRoutes<F extends string> = F extends InternalFunction
  ? {
      [A in InternalAction<F>]: (
        input: InternalParsed<F, A>,
        ctx: ActionContext,
      ) => Promise<InternalOutput<F, A>>
    }
  : Record<string, never>

export type CloudMain = (event: unknown, context?: unknown) => Promise<Envelope<unknown>>

/** A platform message push a function receives: it carries no action, only its own shape. */
export interface MessagePushRoute {
  /** Whether an event is this push. */
  accepts: (event: unknown) => boolean
  /** Handles it; called only when the platform itself delivered the event. */
  handle: (ctx: ActionContext, event: unknown) => Promise<Envelope<unknown>>
}

const isTimerEvent = (event: unknown): boolean =>
  Boolean(event && typeof event === 'object' && (event as { Type?: string }).Type === 'Timer')

/**
 * Builds a cloud function's `main` from its part of the API map and its routes; it never throws
 * across callFunction.
 */
export function defineFunction<F extends FunctionName>(
  fn: F,
  contract: Api[F],
  routes: Routes<F>,
  opts: {
    /** Server-only actions (internal-api.ts), served only to internal calls. */
    internal?: InternalRoutes<F>
    /** What the function's timer trigger does (a Timer event carries no action). */
    timer?: (ctx: ActionContext) => Promise<unknown>
    /** A platform message push the function receives. */
    messagePush?: MessagePushRoute
    makeContext?: (requestId: string | undefined) => ActionContext
  } = {},
): CloudMain {
  const { internal, timer, messagePush, makeContext = createContext } = opts
  return async (event) => {
    try {
      if (timer && isTimerEvent(event)) {
        const ctx = makeContext(undefined)
        // Only the platform's trigger (or another function) runs it; to anyone else it is unknown.
        if (isInternalCall(ctx)) return { ok: true, data: await timer(ctx) }
        return {
          ok: false,
          code: 'action.unknown',
          message: `${errorMessageZh('action.unknown')}（${fn}）`,
        }
      }
      if (messagePush?.accepts(event)) {
        const ctx = makeContext(undefined)
        // Only the platform may deliver a push: a client sending its shape is refused.
        if (!isPlatformCallback(ctx))
          return { ok: false, code: 'auth.forbidden', message: errorMessageZh('auth.forbidden') }
        return await messagePush.handle(ctx, event)
      }
      const request = CallRequest.safeParse(stripPlatformKeys(event))
      if (!request.success) {
        const issues = toFieldIssues(request.error)
        return { ok: false, code: 'input.invalid', message: describeIssues(issues), issues }
      }
      const { action, input, requestId } = request.data
      let spec = specIn(contract, action)
      let handler = spec
        ? (routes as Record<string, ActionHandler<F, ActionName<F>>>)[action]
        : undefined
      let ctx: ActionContext | undefined
      if (!spec && internal && internalSpec(fn, action)) {
        // Server-only: served to another function or a timer, unknown to everyone else.
        ctx = makeContext(requestId)
        if (isInternalCall(ctx)) {
          spec = internalSpec(fn, action)
          handler = (internal as Record<string, ActionHandler<F, ActionName<F>>>)[action]
        }
      }
      if (!spec || typeof handler !== 'function') {
        return {
          ok: false,
          code: 'action.unknown',
          message: `${errorMessageZh('action.unknown')}（${fn}.${action}）`,
        }
      }
      const parsed = spec.input.safeParse(input ?? {})
      if (!parsed.success) {
        const issues = toFieldIssues(parsed.error)
        return { ok: false, code: 'input.invalid', message: describeIssues(issues), issues }
      }
      const data = await handler(parsed.data, ctx ?? makeContext(requestId))
      return { ok: true, data }
    } catch (error) {
      if (error instanceof AppError) {
        const envelope: Envelope<unknown> = { ok: false, code: error.code, message: error.message }
        if (error.issues) envelope.issues = error.issues
        if (error.data !== undefined) (envelope as { data?: unknown }).data = error.data
        return envelope
      }
      console.error(`[${fn}] unhandled error`, error)
      return { ok: false, code: 'internal', message: errorMessageZh('internal') }
    }
  }
}

// The platform adds `userInfo` (appId, openId) to a client's callFunction data; it is not input.
function stripPlatformKeys(event: unknown): unknown {
  if (event && typeof event === 'object' && 'userInfo' in event) {
    const { userInfo: _ignored, ...rest } = event as Record<string, unknown>
    return rest
  }
  return event
}

function describeIssues(issues: { path: string; message: string }[]): string {
  const first = issues[0]
  const more = issues.length > 1 ? ` 等 ${issues.length} 处` : ''
  return first ? `输入有误：${first.path} ${first.message}${more}` : errorMessageZh('input.invalid')
}
