// Server-to-server actions: a map the client's API type never contains, so `call()` in the app
// cannot name them, and a function serves them only to calls the platform marks as internal.
import { z } from 'zod'
import { specIn, type ActionSchemas } from '../../../types/api/action-spec'

export const internalApi = {
  sla: {
    /** The timer's sweep (also callable by another function, e.g. a test harness script). */
    sweep: {
      input: z.object({}).strict(),
      output: z.object({
        read: z.number(),
        acted: z.number(),
        skipped: z.number(),
        pages: z.number(),
        evening: z.number(),
        /** Transitions statistics had left uncounted, counted by this sweep. */
        counted: z.number(),
        /** Journal events whose photos no follow-up call had screened, screened by this sweep. */
        screened: z.number(),
      }),
    },
  },
  rounds: {
    /** The daily timer's reminders of tomorrow's rounds. */
    remind: {
      input: z.object({}).strict(),
      output: z.object({ reminded: z.number() }),
    },
  },
  notify: {
    dispatch: {
      input: z.object({ ids: z.array(z.string().max(200)).max(20) }).strict(),
      /** `intents`: the dispatched outbox documents as they ended (IntentDoc). */
      output: z.object({
        sent: z.number(),
        failed: z.number(),
        intents: z.array(z.record(z.unknown())),
      }),
    },
  },
}

export type InternalApi = typeof internalApi
export type InternalFunction = keyof InternalApi
export type InternalAction<F extends InternalFunction> = keyof InternalApi[F] & string
type Spec<F extends InternalFunction, A extends InternalAction<F>> = InternalApi[F][A] extends {
  input: z.ZodTypeAny
  output: z.ZodTypeAny
}
  ? InternalApi[F][A]
  : never
export type InternalInput<F extends InternalFunction, A extends InternalAction<F>> = z.input<
  Spec<F, A>['input']
>
export type InternalParsed<F extends InternalFunction, A extends InternalAction<F>> = z.output<
  Spec<F, A>['input']
>
export type InternalOutput<F extends InternalFunction, A extends InternalAction<F>> = z.output<
  Spec<F, A>['output']
>

/** The schemas of one internal action, or undefined. */
export function internalSpec(fn: string, action: string): ActionSchemas | undefined {
  if (!Object.prototype.hasOwnProperty.call(internalApi, fn)) return undefined
  return specIn(internalApi[fn as InternalFunction], action)
}
