// Asking the notify function — the only one allowed to send — to dispatch queued intents now.
import type { ActionContext } from '../runtime/context'
import type { IntentDoc } from './intent'
import { callInternal } from '../runtime/internal'

/**
 * Sends the intents now and answers how they ended; undefined when the dispatch failed (the intents
 * stay pending for notify's timer sweep).
 */
export async function dispatchNow(
  ctx: ActionContext,
  ids: string[],
): Promise<IntentDoc[] | undefined> {
  if (ids.length === 0) return []
  try {
    return (await callInternal(ctx, 'notify', 'dispatch', { ids }))
      .intents as unknown as IntentDoc[]
  } catch (error) {
    console.error('[notify] dispatch failed; the timer will retry', error)
    return undefined
  }
}
