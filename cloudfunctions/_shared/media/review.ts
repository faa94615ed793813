// The media routes: the safety office's queue of flagged photos, redaction and audited access to
// originals (every look and change audited), and a reporter's upload slots.
import { Role, requireRole, requireUser } from '../runtime/auth'
import { recordAudit } from '../trust/store/audit'
import { getCheck, listFlagged, mediaCheckId, releaseFlag, setRedacted } from './store/checks'
import { download, tempUrls, upload } from './files'
import { blackBoxes } from './image'
import { AppError, type ActionContext, type Routes } from '../runtime'
import { newUploadSlots } from './upload-slots'
import { receivePart } from './upload-parts'

async function checkedPhoto(ctx: ActionContext, fileId: string) {
  const check = await getCheck(ctx.db, fileId)
  if (!check)
    throw new AppError('input.invalid', '没有这张照片', {
      issues: [{ path: 'fileId', message: '没有这张照片' }],
    })
  return check
}

/** The safety office's photo desk, a reporter's upload slots and a PC's photo upload. */
export const mediaRoutes: Routes<'media'> = {
  uploadSlots: async ({ count }, ctx) => {
    const user = await requireUser(ctx)
    return { prefixes: await newUploadSlots(ctx, user._id, count) }
  },
  uploadPart: receivePart,
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
}
