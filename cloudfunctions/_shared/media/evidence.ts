// Evidence must exist: a photo given to a ticket (a report's photos, a fix's after-photos) is a file
// this environment stored, in an upload slot the server handed to the caller (`media.uploadSlots`).
// Anything else is an input error naming the photo, and nothing is written.
import type { FieldIssue } from '../../../types'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { partsOfFileId, storedUrls } from './files'
import { ownSlotTest } from './upload-slots'

/**
 * Refuses photos the caller may not attach: from another environment, outside a slot handed to
 * them, or never stored. Ownership is decided before existence is asked, so a refusal never tells
 * whether someone else's file exists. Answers the photos' temporary URLs (an hour), for the view.
 */
export async function requireOwnPhotos(
  ctx: ActionContext,
  userId: string,
  field: string,
  fileIds: readonly string[],
): Promise<Record<string, string>> {
  const isOwn = await ownSlotTest(ctx, userId)
  const issues: FieldIssue[] = []
  const toFind: Array<{ fileId: string; path: string }> = []
  fileIds.forEach((fileId, index) => {
    const parts = partsOfFileId(fileId)
    const path = `${field}.${index}`
    if (!parts || (ctx.env && parts.env !== ctx.env))
      issues.push({ path, message: '照片不是在本系统上传的，请重新拍照上传' })
    else if (!isOwn(parts.path))
      issues.push({ path, message: '只能使用自己上传的照片，请重新拍照上传' })
    else toFind.push({ fileId, path })
  })
  let stored: Record<string, string> = {}
  if (issues.length === 0 && toFind.length > 0) {
    stored = await storedUrls(
      ctx,
      toFind.map((f) => f.fileId),
    )
    for (const f of toFind)
      if (!stored[f.fileId]) issues.push({ path: f.path, message: '照片没有上传成功，请重新上传' })
  }
  if (issues.length) throw new AppError('input.invalid', issues[0].message, { issues })
  return stored
}
