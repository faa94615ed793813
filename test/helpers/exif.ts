// Test photos "straight from a phone": the camera fixture with GPS and device EXIF added (piexifjs).
import { existsSync } from 'node:fs'
import { dirname, join } from 'node:path'
import piexif from 'piexifjs'

/** The JPEG with an EXIF block naming a device and a GPS position (Shanghai). */
export function withGpsExif(jpeg: Buffer): Buffer {
  const exif = piexif.dump({
    '0th': { [piexif.ImageIFD.Make]: 'Apple', [piexif.ImageIFD.Model]: 'iPhone 15 Pro' },
    GPS: {
      [piexif.GPSIFD.GPSLatitudeRef]: 'N',
      [piexif.GPSIFD.GPSLatitude]: [
        [31, 1],
        [12, 1],
        [0, 1],
      ],
      [piexif.GPSIFD.GPSLongitudeRef]: 'E',
      [piexif.GPSIFD.GPSLongitude]: [
        [121, 1],
        [28, 1],
        [0, 1],
      ],
    },
  })
  return Buffer.from(piexif.insert(exif, jpeg.toString('binary')), 'binary')
}

/** The shared camera fixture (`shared/fixtures/camera-4000x3000.jpg`), found by walking up from here. */
export function cameraFixturePath(): string {
  let dir = __dirname
  for (;;) {
    const candidate = join(dir, 'shared', 'fixtures', 'camera-4000x3000.jpg')
    if (existsSync(candidate)) return candidate
    const up = dirname(dir)
    if (up === dir) throw new Error('shared/fixtures/camera-4000x3000.jpg not found above the repo')
    dir = up
  }
}
