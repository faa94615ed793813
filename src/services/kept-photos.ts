// Photos kept on the device until the server has them: on weapp a copy of the temp file in
// USER_DATA_PATH (temp files may be cleared at any time), on H5 the blob in IndexedDB. A kept photo
// is named by a reference string that a draft or a queued report stores.
import Taro from '@tarojs/taro'
import { deleteBlob, getBlob, putBlob } from './photo-idb'

const IDB = 'idb:'
const urls = new Map<string, string>()

function userDataPath(): string {
  return (Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH
}

/** Keeps the photo at `path` (a temp file or blob: URL) as `key`; resolves with its reference, or
 * undefined when the device would not keep it (it then lives only as long as its temp file). */
export async function keepPhoto(path: string, key: string): Promise<string | undefined> {
  try {
    if (process.env.TARO_ENV === 'h5') {
      await putBlob(key, await (await fetch(path)).blob())
      urls.set(`${IDB}${key}`, path)
      return `${IDB}${key}`
    }
    const kept = `${userDataPath()}/kept-${key}.jpg`
    Taro.getFileSystemManager().copyFileSync(path, kept)
    return kept
  } catch {
    return undefined
  }
}

/** A URL to show or upload a kept photo from, or undefined when it is no longer on the device. */
export async function keptPhotoUrl(ref: string): Promise<string | undefined> {
  if (ref.startsWith(IDB)) {
    const known = urls.get(ref)
    if (known) return known
    try {
      const blob = await getBlob(ref.slice(IDB.length))
      if (!blob) return undefined
      const url = URL.createObjectURL(blob)
      urls.set(ref, url)
      return url
    } catch {
      return undefined
    }
  }
  try {
    Taro.getFileSystemManager().accessSync(ref)
    return ref
  } catch {
    return undefined
  }
}

/** Lets go of a kept photo once the server has it (or the user removed it). */
export function forgetPhoto(ref: string | undefined): void {
  if (!ref) return
  if (ref.startsWith(IDB)) {
    urls.delete(ref)
    void deleteBlob(ref.slice(IDB.length)).catch(() => undefined)
    return
  }
  try {
    Taro.getFileSystemManager().unlinkSync(ref)
  } catch {
    // Already gone.
  }
}
