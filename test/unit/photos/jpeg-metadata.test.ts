// EXIF/GPS found and stripped byte-exactly, with an independent reader (exifr) as the judge.
import { readFileSync } from 'node:fs'
import exifr from 'exifr'
import { findJpegMetadata, stripJpegMetadata } from '../../../types/jpeg-metadata'
import { withGpsExif } from '../../helpers/exif'
import { CAMERA_PHOTO } from '../../fixtures'

const CAMERA = CAMERA_PHOTO

describe('JPEG metadata', () => {
  const plain = readFileSync(CAMERA)
  const tagged = withGpsExif(plain)

  it('sees GPS EXIF in a camera photo and nothing in a clean one', async () => {
    expect(findJpegMetadata(plain)).toEqual([])
    expect(findJpegMetadata(tagged)).toEqual(['exif'])
    const gps = await exifr.gps(tagged)
    expect(gps?.latitude).toBeCloseTo(31.2, 1)
  })

  it('strips it without touching the image data', async () => {
    const clean = Buffer.from(stripJpegMetadata(tagged))
    expect(findJpegMetadata(clean)).toEqual([])
    expect(await exifr.parse(clean, { gps: true, tiff: true })).toBeUndefined()
    expect(clean.equals(plain)).toBe(true)
  })

  it.each([
    ['XMP', 0xe1, 'http://ns.adobe.com/xap/1.0/\0<x/>', 'xmp'],
    ['IPTC', 0xed, 'Photoshop 3.0\0', 'iptc'],
    ['a comment', 0xfe, 'iPhone 15 Pro', 'comment'],
  ])('finds and strips %s', (_name, marker, payload, kind) => {
    const body = Buffer.from(payload, 'latin1')
    const seg = Buffer.concat([
      Buffer.from([0xff, marker, (body.length + 2) >> 8, (body.length + 2) & 0xff]),
      body,
    ])
    const jpeg = Buffer.concat([plain.subarray(0, 2), seg, plain.subarray(2)])
    expect(findJpegMetadata(jpeg)).toEqual([kind])
    expect(Buffer.from(stripJpegMetadata(jpeg)).equals(plain)).toBe(true)
  })

  it.each([
    ['not a JPEG', Buffer.from('GIF89a……')],
    ['a truncated segment', Buffer.from([0xff, 0xd8, 0xff, 0xe1, 0x40, 0x00, 0x45])],
    ['empty', Buffer.alloc(0)],
  ])('says it cannot read %s', (_name, bytes) => {
    expect(findJpegMetadata(bytes)).toBeUndefined()
    expect(stripJpegMetadata(bytes)).toBe(bytes)
  })
})
