// Photos: choose (camera or album), shrink on the device to ≤ 1600 px JPEG, upload, get a cloud:// id.
import Taro from '@tarojs/taro'
import { ApiError } from './api-error'
import { storeBrowserPhoto } from './browser-files'

import { stripJpegMetadata } from '../../types/jpeg-metadata'
import { compressInBrowser, JPEG_QUALITY, MAX_EDGE } from './compress-image'
import { photoCloudPath } from './upload-slots'

type PhotoPicker = typeof import('./photo-pick')
let picker: Promise<PhotoPicker> | undefined

/**
 * The photo picker, run on the first tap rather than at start-up: in H5 its browser picker brings
 * a device-detection library whose start-up would otherwise delay a scan's landing. It is bundled
 * in place ("eager"), so it needs no network: a photo can be taken without signal.
 */
function loadPhotoPicker(): Promise<PhotoPicker> {
  picker ??=
    process.env.TARO_ENV === 'h5'
      ? import(/* webpackMode: "eager" */ './photo-pick')
      : Promise.resolve(require('./photo-pick') as PhotoPicker)
  return picker
}

/** Lets the user take or pick up to `count` photos: photo-pick.ts `pickPhotos`, run on first use. */
export async function choosePhotos(count: number): Promise<string[]> {
  return (await loadPhotoPicker()).pickPhotos(count)
}

/** The JPEG without EXIF/XMP/IPTC on the device (weapp): a temp copy when anything was removed. */
function stripOnDevice(path: string): string {
  const fs = Taro.getFileSystemManager()
  const bytes = new Uint8Array(fs.readFileSync(path) as ArrayBuffer)
  const clean = stripJpegMetadata(bytes)
  if (clean === bytes) return path
  const out = `${(Taro as unknown as { env: { USER_DATA_PATH: string } }).env.USER_DATA_PATH}/upload-${Date.now()}-${Math.random().toString(36).slice(2, 8)}.jpg`
  fs.writeFileSync(
    out,
    clean.buffer.slice(clean.byteOffset, clean.byteOffset + clean.byteLength) as ArrayBuffer,
  )
  return out
}

/** Compresses and uploads one local photo; resolves with its cloud:// file id. */
export async function uploadPhoto(localPath: string): Promise<string> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const small = await Taro.compressImage({
        src: localPath,
        quality: Math.round(JPEG_QUALITY * 100),
        compressedWidth: MAX_EDGE,
      } as Taro.compressImage.Option)
      const res = await Taro.cloud.uploadFile({
        cloudPath: await photoCloudPath(),
        filePath: stripOnDevice(small.tempFilePath), // no GPS or device data leaves the phone
      })
      return res.fileID
    }
    const original = await (await fetch(localPath)).blob()
    const reencoded = new Uint8Array(await (await compressInBrowser(original)).arrayBuffer())
    // A canvas re-encode writes no EXIF; stripping again guarantees it whatever the browser does.
    const small = new Blob([stripJpegMetadata(reencoded) as BlobPart], { type: 'image/jpeg' })
    return await storeBrowserPhoto(small, await photoCloudPath())
  } catch (error) {
    if (error instanceof ApiError && error.code !== 'network') throw error
    throw new ApiError('network', '照片上传失败，请检查网络后重试')
  }
}
