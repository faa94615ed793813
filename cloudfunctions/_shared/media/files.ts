// Reading and writing stored photos from a function.
import type { ActionContext } from '../runtime/context'

/** The environment and cloud path of a `cloud://<env>.<bucket>/<path>` file id, or undefined. */
export function partsOfFileId(fileId: string): { env: string; path: string } | undefined {
  const m = /^cloud:\/\/([^/]+)\/(.+)$/.exec(fileId)
  return m ? { env: m[1].split('.')[0], path: m[2] } : undefined
}

/** The cloud path of a `cloud://<env>.<bucket>/<path>` file id, or undefined. */
export function cloudPathOf(fileId: string): string | undefined {
  return partsOfFileId(fileId)?.path
}

/** The stored bytes of a file. */
export async function download(ctx: ActionContext, fileId: string): Promise<Buffer> {
  const res = (await ctx.cloud.downloadFile({ fileID: fileId })) as { fileContent: Buffer }
  return Buffer.from(res.fileContent)
}

/** Stores bytes at a cloud path; returns the new file id. */
export async function upload(
  ctx: ActionContext,
  cloudPath: string,
  bytes: Buffer,
): Promise<string> {
  const res = (await ctx.cloud.uploadFile({ cloudPath, fileContent: bytes })) as { fileID: string }
  return res.fileID
}

// One getTempFileURL per 50 ids; a batch storage cannot answer throws, or is left out when `lenient`.
async function urlsOf(
  ctx: ActionContext,
  fileIds: readonly string[],
  maxAge: number,
  lenient: boolean,
): Promise<Record<string, string>> {
  const unique = [...new Set(fileIds)]
  const out: Record<string, string> = {}
  for (let i = 0; i < unique.length; i += 50) {
    try {
      const res = (await ctx.cloud.getTempFileURL({
        fileList: unique.slice(i, i + 50).map((fileID) => ({ fileID, maxAge })),
      })) as unknown as { fileList: Array<{ fileID: string; tempFileURL: string }> }
      for (const f of res.fileList) if (f.tempFileURL) out[f.fileID] = f.tempFileURL
    } catch (error) {
      if (!lenient) throw error
      console.error('[media] getTempFileURL failed', error)
    }
  }
  return out
}

/** Temporary URLs by file id; files storage does not hold are left out. Throws when storage cannot answer. */
export function storedUrls(
  ctx: ActionContext,
  fileIds: readonly string[],
  maxAge = 3600,
): Promise<Record<string, string>> {
  return urlsOf(ctx, fileIds, maxAge, false)
}

/** Temporary URLs for display (≤ 50 ids a call); a batch storage cannot answer is left out, never fails. */
export function tempUrls(
  ctx: ActionContext,
  fileIds: readonly string[],
  maxAge = 3600,
): Promise<Record<string, string>> {
  return urlsOf(ctx, fileIds, maxAge, true)
}
