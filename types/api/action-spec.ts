// Looking up one action's schemas in a function's part of the API map (the client and the server
// runtime both find an action this way).
import type { z } from 'zod'

/** What the contract says of one action: its input and its output. */
export interface ActionSchemas {
  input: z.ZodTypeAny
  output: z.ZodTypeAny
}

/** The schemas of one action among a function's actions, or undefined when it has no such action. */
export function specIn(actions: object, action: string): ActionSchemas | undefined {
  return Object.prototype.hasOwnProperty.call(actions, action)
    ? (actions as Record<string, ActionSchemas>)[action]
    : undefined
}
