// A small picture of a draft's photo that survives a reload. On H5 the chosen photo is a blob: URL
// that dies with the page, so the draft keeps a ~200 px JPEG data URL; on weapp <image> shows the
// cloud:// file id itself, so nothing is kept.
const EDGE = 240

/** A data URL thumbnail of a local picture (H5), or undefined. */
export async function thumbnailOf(localPath: string): Promise<string | undefined> {
  if (process.env.TARO_ENV !== 'h5' || typeof document === 'undefined') return undefined
  try {
    const img = new Image()
    img.src = localPath
    await img.decode()
    const scale = Math.min(1, EDGE / Math.max(img.naturalWidth, img.naturalHeight))
    const canvas = document.createElement('canvas')
    canvas.width = Math.max(1, Math.round(img.naturalWidth * scale))
    canvas.height = Math.max(1, Math.round(img.naturalHeight * scale))
    canvas.getContext('2d')?.drawImage(img, 0, 0, canvas.width, canvas.height)
    return canvas.toDataURL('image/jpeg', 0.7)
  } catch {
    return undefined
  }
}
