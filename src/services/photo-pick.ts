// The camera and album picker (Taro.chooseMedia / chooseImage), apart from the upload so that it
// runs at the first tap, not at the app's start (services/photo.ts choosePhotos).
import Taro from '@tarojs/taro'
import { PhotoError, photoProblemOf } from './photo-errors'

/**
 * Lets the user take or pick up to `count` photos; resolves with local paths ([] when cancelled).
 * Throws PhotoError when privacy or permissions stand in the way (errno 104/112, camera denied),
 * with a Chinese message saying the way back.
 */
export async function pickPhotos(count: number): Promise<string[]> {
  try {
    if (process.env.TARO_ENV === 'weapp') {
      const res = await Taro.chooseMedia({
        count,
        mediaType: ['image'],
        sourceType: ['camera', 'album'],
        sizeType: ['compressed'],
      })
      return res.tempFiles.map((f) => f.tempFilePath)
    }
    const res = await Taro.chooseImage({
      count,
      sourceType: ['camera', 'album'],
      sizeType: ['compressed'],
    })
    return res.tempFilePaths
  } catch (error) {
    const problem = photoProblemOf(error)
    if (problem) throw new PhotoError(problem)
    return []
  }
}
