// Screening a ticket's newly attached photos: metadata (GPS, device) verified gone — stripped in place
// when a device left any — then each photo sent to security.mediaCheckAsync; the verdict comes back
// later through the `media` function's message-push callback.
import { findJpegMetadata, stripJpegMetadata } from '../../../types/jpeg-metadata'
import { insertMediaCheck, mediaCheckId, setTraceId } from './store/checks'
import type { ActionContext } from '../runtime/context'
import { cloudPathOf, download, tempUrls, upload } from './files'

/** Makes sure the stored photo carries no EXIF/XMP/IPTC; true when it had some and was cleaned. */
export async function ensureNoMetadata(ctx: ActionContext, fileId: string): Promise<boolean> {
  const bytes = await download(ctx, fileId)
  const found = findJpegMetadata(bytes)
  if (!found || found.length === 0) return false
  const path = cloudPathOf(fileId)
  if (!path) return false
  await upload(ctx, path, Buffer.from(stripJpegMetadata(bytes)))
  console.warn(`[media] stripped ${found.join(',')} the device left in ${fileId}`)
  return true
}

/**
 * Screens photos just attached to a ticket (report photos or after-photos). Idempotent: a photo is
 * screened once, however often the request is retried. Never throws — a platform outage leaves the
 * photo pending (seen by the reporter and handlers only), never blocks the report.
 */
export async function screenPhotos(
  ctx: ActionContext,
  job: {
    ticketId: string
    uploaderId: string
    fileIds: string[]
    /** The uploader's OPENID for the platform's check; default: the caller's. */
    openid?: string
  },
): Promise<void> {
  const now = ctx.now()
  await Promise.all(
    [...new Set(job.fileIds)].map(async (fileId) => {
      try {
        const id = mediaCheckId(fileId)
        const fresh = await insertMediaCheck(ctx.db, {
          _id: id,
          fileId,
          ticketId: job.ticketId,
          uploaderId: job.uploaderId,
          traceId: null,
          status: 'pending',
          createdAt: now,
          updatedAt: now,
        })
        if (!fresh) return
        await ensureNoMetadata(ctx, fileId)
        const url = (await tempUrls(ctx, [fileId], 2 * 3600))[fileId]
        if (!url) return
        const res = (await ctx.cloud.openapi.security.mediaCheckAsync({
          mediaUrl: url,
          mediaType: 2,
          version: 2,
          scene: 1,
          openid: job.openid ?? ctx.openid,
        })) as { traceId?: string; trace_id?: string }
        const traceId = res.traceId ?? res.trace_id
        if (traceId) await setTraceId(ctx.db, id, traceId)
      } catch (error) {
        console.error('[media] screening failed; the photo stays pending', fileId, error)
      }
    }),
  )
}
