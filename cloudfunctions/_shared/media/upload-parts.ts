// A browser's upload through the function, part by part (a PC has no WeChat upload): who may send
// what is decided before anything is stored; the last part makes the file — a photo checked to be a
// JPEG and stripped of its metadata, put in the caller's upload slot; a roster file for import.
import {
  MAX_PHOTO_BYTES,
  MAX_ROSTER_FILE_BYTES,
  type UploadTarget,
  type mediaApi,
} from '../../../types/api/media'
import { isJpeg, stripJpegMetadata } from '../../../types/jpeg-metadata'
import { hospitalTime } from '../../../types/time'
import type { z } from 'zod'
import { Role, hasRole, requireUser } from '../runtime/auth'
import { AppError, type ActionContext } from '../runtime'
import { upload as storeFile } from './files'
import { ownSlotTest } from './upload-slots'
import { dropParts, finishUpload, partsOf, putPart } from './store/parts'

type Input = z.infer<(typeof mediaApi)['uploadPart']['input']>

const refused = (path: string, message: string, issue: string): AppError =>
  new AppError('input.invalid', message, { issues: [{ path, message: issue }] })

/** The largest file each kind of upload may become. */
const MAX_BYTES: Record<UploadTarget['kind'], number> = {
  photo: MAX_PHOTO_BYTES,
  roster: MAX_ROSTER_FILE_BYTES,
}

/** Refuses a caller who may not send this kind of file there; the caller's user id otherwise. */
async function allowedSender(ctx: ActionContext, target: UploadTarget): Promise<string> {
  const user = await requireUser(ctx)
  if (target.kind === 'roster') {
    if (!hasRole(user, Role.safetyOffice)) throw new AppError('auth.forbidden')
  } else if (!(await ownSlotTest(ctx, user._id))(target.path)) {
    throw refused('target.path', '上传位置无效，请重新选择照片', '不是发给你的上传位置')
  }
  return user._id
}

/** The bytes a whole upload stores, or a refusal naming what is wrong with them. */
function fileBytes(target: UploadTarget, base64: string): Buffer {
  const bytes = Buffer.from(base64, 'base64')
  const max = MAX_BYTES[target.kind]
  if (bytes.length > max) throw refused('data', `文件不能超过 ${max / 1024 / 1024} MB`, '文件过大')
  if (target.kind === 'roster') return bytes
  if (!isJpeg(bytes)) throw refused('data', '只能上传 JPEG 照片', '不是 JPEG 照片')
  return Buffer.from(stripJpegMetadata(bytes))
}

function cloudPathOf(target: UploadTarget, upload: string, now: Date): string {
  if (target.kind === 'photo') return target.path
  const ext = target.name.toLowerCase().endsWith('.csv') ? 'csv' : 'xlsx'
  return `rosters/${hospitalTime(now).format('YYYY-MM-DD')}/${upload}.${ext}`
}

/** Takes one part; answers how many are in, and with the last one the stored file's id. */
export async function receivePart(
  input: Input,
  ctx: ActionContext,
): Promise<{ received: number; fileID?: string }> {
  const owner = await allowedSender(ctx, input.target)
  const target = JSON.stringify(input.target)
  const common = { owner, upload: input.upload, total: input.total, target }
  const before = await partsOf(ctx.db, owner, input.upload)
  const finished = before.find((p) => p.index < 0)
  if (finished) return { received: finished.total, fileID: finished.fileID }
  if (before.some((p) => p.total !== input.total || p.target !== target))
    throw refused('upload', '这次上传的分片不一致，请重新上传', '分片不属于同一个文件')
  if (!before.some((p) => p.index === input.index))
    await putPart(ctx.db, { ...common, index: input.index, data: input.data, createdAt: ctx.now() })
  const parts = await partsOf(ctx.db, owner, input.upload)
  if (parts.length < input.total) return { received: parts.length }
  const whole = parts
    .sort((a, b) => a.index - b.index)
    .map((p) => p.data)
    .join('')
  let bytes: Buffer
  try {
    bytes = fileBytes(input.target, whole)
  } catch (error) {
    await dropParts(ctx.db, owner, input.upload)
    throw error
  }
  const fileID = await storeFile(ctx, cloudPathOf(input.target, input.upload, ctx.now()), bytes)
  await finishUpload(ctx.db, { ...common, fileID, createdAt: ctx.now() })
  return { received: input.total, fileID }
}
