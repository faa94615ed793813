// Test photos "straight from a phone": the camera fixture with GPS and device EXIF added (piexifjs).
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
