// The `media` function: receives the platform's photo verdicts (message push wxa_media_check) and
// gives the safety office its queue of flagged photos, redaction and audited access to originals.
import { Role, requireRole, requireUser } from '../../_shared/runtime/auth'
import { recordAudit } from '../../_shared/trust/store/audit'
import {
  getCheck,
  listFlagged,
  mediaCheckId,
  releaseFlag,
  setRedacted,
} from '../../_shared/media/store'
import { applyMediaVerdict, isMediaCheckEvent } from '../../_shared/media/callback'
import { download, tempUrls, upload } from '../../_shared/media/files'
import { blackBoxes } from '../../_shared/media/image'
import {
  AppError,
  createContext,
  defineFunction,
  isPlatformCallback,
  type ActionContext,
} from '../../_shared/runtime'
import { newUploadSlots } from '../../_shared/media/upload-slots'

async function checkedPhoto(ctx: ActionContext, fileId: string) {
  const check = await getCheck(ctx.db, fileId)
  if (!check)
    throw new AppError('input.invalid', '没有这张照片', {
      issues: [{ path: 'fileId', message: '没有这张照片' }],
    })
  return check
}

const routes = defineFunction('media', {
  uploadSlots: async ({ count }, ctx) => {
    const user = await requireUser(ctx)
    return { prefixes: await newUploadSlots(ctx, user._id, count) }
  },
  queue: async ({ limit }, ctx) => {
    await requireRole(ctx, Role.safetyOffice)
    const rows = await listFlagged(ctx.db, limit)
    const urls = await tempUrls(
      ctx,
      rows.flatMap((r) => (r.blurredFileId ? [r.blurredFileId] : [])),
    )
    return {
      items: rows.map((r) => ({
        fileId: r.fileId,
        ticketId: r.ticketId,
        status: r.status,
        label: r.label,
        url: (r.blurredFileId && urls[r.blurredFileId]) || null,
        redacted: Boolean(r.redactedFileId),
        checkedAt: r.checkedAt ? new Date(r.checkedAt).toISOString() : null,
      })),
    }
  },
  redact: async ({ fileId, boxes, reason }, ctx) => {
    const actor = await requireRole(ctx, Role.safetyOffice)
    const check = await checkedPhoto(ctx, fileId)
    const now = ctx.now()
    const redactedFileId = await upload(
      ctx,
      `redacted/${mediaCheckId(fileId)}-${now.getTime()}.jpg`,
      blackBoxes(await download(ctx, fileId), boxes),
    )
    await setRedacted(ctx.db, check._id, redactedFileId, actor._id, now)
    await recordAudit(ctx.db, {
      action: 'photo.redact',
      actorId: actor._id,
      actorName: actor.name,
      targetType: 'photo',
      targetId: fileId,
      reason,
      detail: { ticketId: check.ticketId, boxes, redactedFileId },
      at: now,
    })
    return { fileId, redactedUrl: (await tempUrls(ctx, [redactedFileId]))[redactedFileId] ?? null }
  },
  original: async ({ fileId, reason }, ctx) => {
    const actor = await requireRole(ctx, Role.safetyOffice)
    const check = await checkedPhoto(ctx, fileId)
    const url = (await tempUrls(ctx, [fileId], 300))[fileId]
    if (!url) throw new AppError('ticket.not_found', '原图已不存在')
    await recordAudit(ctx.db, {
      action: 'photo.view_original',
      actorId: actor._id,
      actorName: actor.name,
      targetType: 'photo',
      targetId: fileId,
      reason,
      detail: { ticketId: check.ticketId },
      at: ctx.now(),
    })
    return { url }
  },
  release: async ({ fileId, reason }, ctx) => {
    const actor = await requireRole(ctx, Role.safetyOffice)
    const check = await checkedPhoto(ctx, fileId)
    const now = ctx.now()
    const released = await releaseFlag(ctx.db, check._id, actor._id, now)
    if (released)
      await recordAudit(ctx.db, {
        action: 'photo.release',
        actorId: actor._id,
        actorName: actor.name,
        targetType: 'photo',
        targetId: fileId,
        reason,
        detail: { ticketId: check.ticketId },
        at: now,
      })
    return { released }
  },
})

/** Message pushes from the platform carry no action; anything else is a client call. */
export const main: typeof routes = async (event, context) => {
  if (!isMediaCheckEvent(event)) return routes(event, context)
  const ctx = createContext(undefined)
  // Only the platform may deliver a verdict: a client sending this shape is refused, and even then
  // a verdict needs a trace id only the platform and this backend know.
  if (!isPlatformCallback(ctx)) return { ok: false, code: 'auth.forbidden', message: '无权限' }
  try {
    const result = await applyMediaVerdict(ctx, event)
    // An unknown trace id may just be early (the request that sent the photo is still recording it):
    // answering not-ok makes the platform push again.
    if (result.outcome === 'unknown')
      return { ok: false, code: 'ticket.not_found', message: '未知的检测任务' }
    return { ok: true, data: result }
  } catch (error) {
    console.error('[media] verdict failed', error)
    return { ok: false, code: 'internal', message: '系统开小差了，请稍后重试' }
  }
}
