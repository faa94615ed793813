// Photos: choose (camera or album), shrink on the device to ≤ 1600 px JPEG, upload, get a cloud:// id.
import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import { apiBase, currentPersona } from './persona'

export const MAX_EDGE = 1600
export const JPEG_QUALITY = 0.8

/** Lets the user take or pick up to `count` photos; resolves with local paths ([] when cancelled). */
export async function choosePhotos(count: number): Promise<string[]> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({ count, mediaType: ['image'], sourceType: ['camera', 'album'], sizeType: ['compressed'] })
      return res.tempFiles.map((f) => f.tempFilePath)
    }
    const res = await Taro.chooseImage({ count, sourceType: ['camera', 'album'], sizeType: ['compressed'] })
    return res.tempFilePaths
  } catch {
    return []
  }
}

/** Shrinks an image in the browser: longest edge ≤ 1600 px, JPEG. */
export async function compressInBrowser(blob: Blob, maxEdge = MAX_EDGE, quality = JPEG_QUALITY): Promise<Blob> {
  const bitmap = await createImageBitmap(blob)
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height))
  const width = Math.round(bitmap.width * scale)
  const height = Math.round(bitmap.height * scale)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  return new Promise((resolve, reject) => canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('toBlob failed'))), 'image/jpeg', quality))
}

/** Compresses and uploads one local photo; resolves with its cloud:// file id. */
export async function uploadPhoto(localPath: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const small = await Taro.compressImage({ src: localPath, quality: Math.round(JPEG_QUALITY * 100), compressedWidth: MAX_EDGE } as Taro.compressImage.Option)
      const name = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`
      const res = await Taro.cloud.uploadFile({ cloudPath: `photos/${new Date().toISOString().slice(0, 10)}/${name}`, filePath: small.tempFilePath })
      return res.fileID
    }
    const original = await (await fetch(localPath)).blob()
    const small = await compressInBrowser(original)
    const res = await fetch(`${apiBase()}/_emulator/upload?name=photo.jpg`, {
      method: 'POST',
      headers: { 'content-type': 'image/jpeg', 'x-woodpecker-openid': currentPersona() },
      body: small,
    })
    if (!res.ok) throw new Error(`upload ${res.status}`)
    return ((await res.json()) as { fileID: string }).fileID
  } catch {
    throw new ApiError('network', '照片上传失败，请检查网络后重试')
  }
}
