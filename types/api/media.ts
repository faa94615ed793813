// The `media` function: upload slots for staff's photos; the safety office's queue of flagged photos,
// redaction and audited access to originals. (It also receives the platform's wxa_media_check
// callback, which is not a client action.)
import { z } from 'zod'
import { CloudFileId, MAX_PHOTOS } from '../ticket'
import { safeText } from '../text'

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
