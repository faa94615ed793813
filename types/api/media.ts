// The `media` function: upload slots for staff's photos; the safety office's queue of flagged photos,
// redaction and audited access to originals. (It also receives the platform's wxa_media_check
// callback, which is not a client action.)
import { z } from 'zod'
import { CloudFileId, MAX_PHOTOS } from '../ticket'
import { safeText } from '../text'

/** The largest photo a browser may store through `media.uploadPhoto` (the app sends ~250 KB). */
export const MAX_PHOTO_BYTES = 2 * 1024 * 1024

/** The largest roster file accepted (XLSX or CSV), uploaded in parts for `admin.roster.import`. */
export const MAX_ROSTER_FILE_BYTES = 2 * 1024 * 1024

/** File bytes sent as base64 text in a function call (a browser signed in through the web SDK). */
export function base64File(maxBytes: number, what: string) {
  const mb = maxBytes / 1024 / 1024
  return z
    .string()
    .min(1, `${what}是空的`)
    .max(Math.ceil(maxBytes / 3) * 4, `${what}不能超过 ${mb} MB`)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, `${what}的内容无法读取`)
}

/** Base64 characters per part of a browser's upload: far below any platform's request body limit. */
export const UPLOAD_PART_CHARS = 64 * 1024
/** Parts of one upload at most (2.25 MB of bytes: a 2 MB file fits). */
export const MAX_UPLOAD_PARTS = 48

/** Where a browser's upload goes: a photo into the caller's upload slot, or a roster file. */
export const UploadTarget = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('photo'), path: z.string().min(1).max(200) }).strict(),
  z
    .object({
      kind: z.literal('roster'),
      name: z
        .string()
        .max(200)
        .regex(/\.(xlsx|csv)$/i, '请选择 .xlsx 或 .csv 文件'),
    })
    .strict(),
])
export type UploadTarget = z.infer<typeof UploadTarget>

export const PhotoState = z.enum(['pending', 'pass', 'flagged', 'redacted'])
export type PhotoState = z.infer<typeof PhotoState>

const Fraction = z.number().min(0).max(1)
export const RedactBox = z
  .object({ x: Fraction, y: Fraction, w: Fraction.positive(), h: Fraction.positive() })
  .strict()

export const FlaggedPhoto = z.object({
  fileId: z.string(),
  ticketId: z.string(),
  status: z.string(),
  label: z.string().optional(),
  /** The blurred copy (the queue never hands out the original). */
  url: z.string().nullable(),
  redacted: z.boolean(),
  checkedAt: z.string().nullable(),
})

export const mediaApi = {
  /**
   * Any bound staff member: fresh upload prefixes (`photos/<slot>/`), one per photo. A ticket accepts
   * only photos stored directly in a slot handed to its caller; a slot names nobody.
   */
  uploadSlots: {
    input: z.object({ count: z.number().int().min(1).max(MAX_PHOTOS) }).strict(),
    output: z.object({ prefixes: z.array(z.string()) }),
  },
  /**
   * A browser (a PC signed in through the web SDK has no WeChat upload) stores a file through the
   * function, part by part: a photo at a path in an upload slot handed to its caller, or a roster
   * file (safety office) for `admin.roster.import`. The last part answers the stored file's id;
   * sending a part again is harmless.
   */
  uploadPart: {
    input: z
      .object({
        upload: z.string().regex(/^[0-9a-f]{32}$/, '上传编号无效'),
        target: UploadTarget,
        index: z
          .number()
          .int()
          .min(0)
          .max(MAX_UPLOAD_PARTS - 1),
        total: z.number().int().min(1).max(MAX_UPLOAD_PARTS),
        data: base64File((UPLOAD_PART_CHARS / 4) * 3, '分片'),
      })
      .strict()
      .refine((p) => p.index < p.total, { path: ['index'], message: '分片序号超出总数' }),
    output: z.object({ received: z.number(), fileID: z.string().optional() }),
  },
  /** Safety office: photos the platform flagged, newest first. */
  queue: {
    input: z.object({ limit: z.number().int().min(1).max(50).default(20) }).strict(),
    output: z.object({ items: z.array(FlaggedPhoto) }),
  },
  /** Safety office: black boxes over parts of a photo; everyone then sees the redacted copy. */
  redact: {
    input: z
      .object({
        fileId: CloudFileId,
        boxes: z.array(RedactBox).min(1).max(20),
        reason: safeText({ min: 1, max: 200 }),
      })
      .strict(),
    output: z.object({ fileId: z.string(), redactedUrl: z.string().nullable() }),
  },
  /** Safety office: the original of a flagged or redacted photo, for audit (every look is logged). */
  original: {
    input: z.object({ fileId: CloudFileId, reason: safeText({ min: 1, max: 200 }) }).strict(),
    output: z.object({ url: z.string() }),
  },
  /** Safety office: a flag was wrong — the photo passes (logged). */
  release: {
    input: z.object({ fileId: CloudFileId, reason: safeText({ min: 1, max: 200 }) }).strict(),
    output: z.object({ released: z.boolean() }),
  },
}
