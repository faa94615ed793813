// The platform's verdict on a photo (message push `wxa_media_check`): recorded once per trace id; a
// flagged photo gets its blurred copy at once, so nobody ever sees it unblurred.
import { findByTrace, recordVerdict, type MediaStatus } from './store/checks'
import type { ActionContext } from '../runtime/context'
import type { MessagePushRoute } from '../runtime/define-function'
import { download, upload } from './files'
import { pixelate } from './image'

/** The message-push event WeChat sends when an async media check finishes. */
export interface MediaCheckEvent {
  MsgType: 'event'
  Event: 'wxa_media_check'
  trace_id: string
  result?: { suggest?: string; label?: string | number }
}

/** True when an event has the shape of a wxa_media_check push. */
export function isMediaCheckEvent(event: unknown): event is MediaCheckEvent {
  const e = event as Partial<MediaCheckEvent> | null
  return (
    !!e &&
    typeof e === 'object' &&
    e.MsgType === 'event' &&
    e.Event === 'wxa_media_check' &&
    typeof e.trace_id === 'string'
  )
}

/** Applies a verdict once. `unknown`: no such trace id (yet) — the platform should retry. */
export async function applyMediaVerdict(
  ctx: ActionContext,
  event: MediaCheckEvent,
): Promise<{ outcome: 'recorded' | 'duplicate' | 'unknown'; status?: MediaStatus }> {
  const check = await findByTrace(ctx.db, event.trace_id)
  if (!check) return { outcome: 'unknown' }
  if (check.status !== 'pending') return { outcome: 'duplicate', status: check.status }
  const suggest = event.result?.suggest
  const status: Exclude<MediaStatus, 'pending'> =
    suggest === 'pass' ? 'pass' : suggest === 'risky' ? 'risky' : 'review'
  let blurredFileId: string | undefined
  if (status !== 'pass') {
    try {
      blurredFileId = await upload(
        ctx,
        `blurred/${check._id}.jpg`,
        pixelate(await download(ctx, check.fileId)),
      )
    } catch (error) {
      // Without a blurred copy the flagged photo is simply not shown to anyone but the queue.
      console.error('[media] could not blur a flagged photo', check.fileId, error)
    }
  }
  const label = event.result?.label === undefined ? undefined : String(event.result.label)
  const recorded = await recordVerdict(
    ctx.db,
    check._id,
    { status, label, blurredFileId },
    ctx.now(),
  )
  return { outcome: recorded ? 'recorded' : 'duplicate', status }
}

/** The platform's wxa_media_check push: it carries no action, only its verdict. */
export const mediaCheckPush: MessagePushRoute = {
  accepts: isMediaCheckEvent,
  handle: async (ctx, event) => {
    try {
      // A verdict needs a trace id only the platform and this backend know.
      const result = await applyMediaVerdict(ctx, event as MediaCheckEvent)
      // An unknown trace id may just be early (the request that sent the photo is still recording
      // it): answering not-ok makes the platform push again.
      if (result.outcome === 'unknown')
        return { ok: false, code: 'ticket.not_found', message: '未知的检测任务' }
      return { ok: true, data: result }
    } catch (error) {
      console.error('[media] verdict failed', error)
      return { ok: false, code: 'internal', message: '系统开小差了，请稍后重试' }
    }
  },
}
