// Shrinking a photo on the device before upload: longest edge ≤ 1600 px, JPEG. (H5 path; on weapp
// Taro.compressImage does the same with the same numbers.) No Taro import: the bench runs it as is.

export const MAX_EDGE = 1600
export const JPEG_QUALITY = 0.7

/** Shrinks an image in the browser: longest edge ≤ `maxEdge` px, JPEG at `quality`. */
export async function compressInBrowser(
  blob: Blob,
  maxEdge = MAX_EDGE,
  quality = JPEG_QUALITY,
): Promise<Blob> {
  const bitmap = await createImageBitmap(blob)
  const scale = Math.min(1, maxEdge / Math.max(bitmap.width, bitmap.height))
  const width = Math.round(bitmap.width * scale)
  const height = Math.round(bitmap.height * scale)
  const canvas = document.createElement('canvas')
  canvas.width = width
  canvas.height = height
  canvas.getContext('2d')!.drawImage(bitmap, 0, 0, width, height)
  bitmap.close()
  return new Promise((resolve, reject) =>
    canvas.toBlob(
      (b) => (b ? resolve(b) : reject(new Error('toBlob failed'))),
      'image/jpeg',
      quality,
    ),
  )
}
