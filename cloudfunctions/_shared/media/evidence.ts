// Evidence must exist: a photo given to a ticket (a report's photos, a fix's after-photos) is a file
// this environment stored, in an upload slot the server handed to the caller (`media.uploadSlots`).
// Anything else is an input error naming the photo, and nothing is written.
import type { FieldIssue } from '../../../types'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { isOwnSlotPath } from './upload-slots'

/** The environment and cloud path of a `cloud://<env>.<bucket>/<path>` file id, or undefined. */
export function partsOfFileId(fileId: string): { env: string; path: string } | undefined {
  const m = /^cloud:\/\/([^./]+)\.[^/]+\/(.+)$/.exec(fileId)
  return m ? { env: m[1], path: m[2] } : undefined
}

/**
 * Refuses photos the caller may not attach: from another environment, outside a slot handed to
 * them, or never stored. Ownership is decided before existence is asked, so a refusal never tells
 * whether someone else's file exists.
 */
export async function requireOwnPhotos(
  ctx: ActionContext,
  userId: string,
  field: string,
  fileIds: readonly string[],
): Promise<void> {
  const issues: FieldIssue[] = []
  const toFind: Array<{ fileId: string; index: number }> = []
  const owned = await Promise.all(
    fileIds.map(async (fileId) => {
      const parts = partsOfFileId(fileId)
      if (!parts || (ctx.env && parts.env !== ctx.env)) return 'elsewhere'
      return (await isOwnSlotPath(ctx, userId, parts.path)) ? 'own' : 'foreign'
    }),
  )
  owned.forEach((verdict, index) => {
    const path = `${field}.${index}`
    if (verdict === 'elsewhere')
      issues.push({ path, message: '照片不是在本系统上传的，请重新拍照上传' })
    else if (verdict === 'foreign')
      issues.push({ path, message: '只能使用自己上传的照片，请重新拍照上传' })
    else toFind.push({ fileId: fileIds[index], index })
  })
  if (issues.length === 0 && toFind.length > 0) {
    const stored = await storedFiles(
      ctx,
      toFind.map((f) => f.fileId),
    )
    for (const f of toFind)
      if (!stored.has(f.fileId))
        issues.push({
          path: `${field}.${f.index}`,
          message: '照片没有上传成功，请重新上传',
        })
  }
  if (issues.length) throw new AppError('input.invalid', issues[0].message, { issues })
}

/** The ids among `fileIds` that storage holds (≤ 50 per platform call; a photo list holds ≤ 6). */
async function storedFiles(ctx: ActionContext, fileIds: string[]): Promise<Set<string>> {
  const res = (await ctx.cloud.getTempFileURL({
    fileList: fileIds.map((fileID) => ({ fileID, maxAge: 60 })),
  })) as unknown as { fileList: Array<{ fileID: string; tempFileURL?: string; status?: number }> }
  return new Set(
    res.fileList.filter((f) => f.tempFileURL && (f.status ?? 0) === 0).map((f) => f.fileID),
  )
}
