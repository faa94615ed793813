// What only WeChat does, done from a browser: storing a photo or a roster file, and the
// subscription dialog. Signed in through the web SDK (a deployed PC), files go through the
// functions and no dialog exists; in the local demo the emulator's stand-ins play WeChat's part.
import { UPLOAD_PART_CHARS, type UploadTarget } from '../../types/api/media'
import { call } from './call'
import { standInConsent, standInUpload } from './h5-stand-in'
import { webSdkTarget } from './web-mode'

/** The bytes of a blob as base64 text (what a function call can carry). */
async function base64Of(blob: Blob): Promise<string> {
  const bytes = new Uint8Array(await blob.arrayBuffer())
  let text = ''
  for (let i = 0; i < bytes.length; i += 0x8000)
    text += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(text)
}

/** Sends a file through media.uploadPart, part after part; resolves with the stored file's id. */
async function uploadInParts(target: UploadTarget, file: Blob): Promise<string> {
  const upload = Array.from(crypto.getRandomValues(new Uint8Array(16)), (b) =>
    b.toString(16).padStart(2, '0'),
  ).join('')
  const text = await base64Of(file)
  const total = Math.max(1, Math.ceil(text.length / UPLOAD_PART_CHARS))
  for (let index = 0; index < total; index++) {
    const data = text.slice(index * UPLOAD_PART_CHARS, (index + 1) * UPLOAD_PART_CHARS)
    const answer = await call('media', 'uploadPart', { upload, target, index, total, data })
    if (answer.fileID) return answer.fileID
  }
  throw new Error('upload did not complete')
}

/** Stores a JPEG at a path in one of the user's upload slots; resolves with its cloud:// id. */
export async function storeBrowserPhoto(photo: Blob, path: string): Promise<string> {
  if (!webSdkTarget()) return standInUpload(photo, { path })
  return uploadInParts({ kind: 'photo', path }, photo)
}

/** Stores a roster file for import; resolves with its cloud:// id. */
export async function storeBrowserRoster(file: File, ext: '.xlsx' | '.csv'): Promise<string> {
  if (!webSdkTarget()) return standInUpload(file, { name: `roster${ext}` })
  return uploadInParts({ kind: 'roster', name: `roster${ext}` }, file)
}

/**
 * The answers to a subscription request. A PC has no WeChat dialog: nothing is asked and nothing
 * is granted there (pushes reach the person through the mini-program's own consents).
 */
export function browserConsent(templateIds: string[]): Promise<Record<string, string>> {
  if (webSdkTarget()) return Promise.resolve({})
  return standInConsent(templateIds)
}
