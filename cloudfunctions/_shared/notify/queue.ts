// The durable push outbox: a transition queues an intent (its id makes retries harmless), then asks
// the notify function — the only one allowed to send — to dispatch it now.
import type { ActionContext, Database } from '../runtime/context'

export type NotificationKind = 'assigned' | 'escalated' | 'resolved'

export interface NotificationIntent {
  kind: NotificationKind
  ticketId: string
  toUserId: string
  toOpenid: string
  /** Human values; the notify function fits them to the template's field rules. */
  fields: { category: string; place: string; time: Date; note: string }
  dedupeKey: string
}

/** Writes the intent once; returns its id. */
export async function queueNotification(db: Database, intent: NotificationIntent): Promise<string> {
  try {
    await db.collection('notifications').add({
      data: {
        _id: intent.dedupeKey,
        ...intent,
        status: 'pending',
        attempts: 0,
        errCode: null,
        createdAt: new Date(),
        updatedAt: new Date(),
      },
    })
  } catch (error) {
    if (!/E11000|duplicate/i.test(String((error as { errMsg?: string }).errMsg ?? error)))
      throw error
  }
  return intent.dedupeKey
}

/** Asks the notify function to send now; a failure here leaves the intent pending for the timer. */
export async function dispatchNow(ctx: ActionContext, ids: string[]): Promise<void> {
  if (ids.length === 0) return
  try {
    await ctx.cloud.callFunction({ name: 'notify', data: { action: 'dispatch', input: { ids } } })
  } catch (error) {
    console.error('[notify] dispatch failed; the timer will retry', error)
  }
}
