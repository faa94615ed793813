// Parts of a browser's upload (`upload_parts`) until the file is whole, then one record of the
// stored file per upload, so a part sent again answers the same file. The only code naming it.
import type { Database } from '../../runtime/context'
import { isDuplicateKey, readAll } from '../../runtime/rows'

const PARTS = 'upload_parts'

/** One part as stored, or (index -1) the record of the finished upload. */
export interface UploadPartDoc {
  _id: string
  owner: string
  upload: string
  index: number
  total: number
  /** The upload's target as JSON: every part of one upload names the same. */
  target: string
  data: string
  fileID?: string
  createdAt: Date
}

const partId = (owner: string, upload: string, index: number): string =>
  `${owner}:${upload}:${index < 0 ? 'done' : index}`

/** Stores one part; a part already stored (sent again) is left as it is. */
export async function putPart(db: Database, part: Omit<UploadPartDoc, '_id'>): Promise<void> {
  try {
    await db
      .collection(PARTS)
      .add({ data: { _id: partId(part.owner, part.upload, part.index), ...part } })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
}

/** Every stored document of one upload by one owner: its parts, and its finished record if any. */
export async function partsOf(
  db: Database,
  owner: string,
  upload: string,
): Promise<UploadPartDoc[]> {
  // Bounded: an upload has at most MAX_UPLOAD_PARTS parts and one finished record.
  return readAll<UploadPartDoc>(db, PARTS, { owner, upload })
}

/** Records the stored file of a finished upload and drops its parts. */
export async function finishUpload(
  db: Database,
  done: Omit<UploadPartDoc, '_id' | 'index' | 'data'> & { fileID: string },
): Promise<void> {
  await putPart(db, { ...done, index: -1, data: '' })
  const _ = db.command
  await db
    .collection(PARTS)
    .where({ owner: done.owner, upload: done.upload, index: _.gte(0) })
    .remove()
}

/** Drops every part of an upload that cannot become a file. */
export async function dropParts(db: Database, owner: string, upload: string): Promise<void> {
  await db.collection(PARTS).where({ owner, upload }).remove()
}
