// JPEG metadata, pure bytes in and out: what could identify where or with what a photo was taken
// (EXIF with GPS and device, XMP, IPTC, comments) is found and removed without touching the image.
// Used on the device before upload and by the server to verify what was stored.

/** A metadata segment that may carry location, device or person data. */
export type JpegMetadataKind = 'exif' | 'xmp' | 'iptc' | 'comment' | 'app1'

const SOI = 0xd8
const SOS = 0xda
const EOI = 0xd9
const APP1 = 0xe1
const APP13 = 0xed
const COM = 0xfe

function ascii(bytes: Uint8Array, from: number, length: number): string {
  let out = ''
  for (let i = from; i < from + length && i < bytes.length; i++)
    out += String.fromCharCode(bytes[i])
  return out
}

/** True when the bytes start like a JPEG. */
export function isJpeg(bytes: Uint8Array): boolean {
  return bytes.length > 3 && bytes[0] === 0xff && bytes[1] === SOI
}

interface Segment {
  marker: number
  start: number
  end: number
  kind?: JpegMetadataKind
}

function segments(bytes: Uint8Array): Segment[] | undefined {
  if (!isJpeg(bytes)) return undefined
  const out: Segment[] = []
  let i = 2
  while (i + 4 <= bytes.length) {
    if (bytes[i] !== 0xff) return undefined
    const marker = bytes[i + 1]
    if (marker === 0xff) {
      i++
      continue
    }
    if (marker === SOS || marker === EOI) break
    if (marker >= 0xd0 && marker <= 0xd7) {
      i += 2
      continue
    }
    const length = (bytes[i + 2] << 8) | bytes[i + 3]
    if (length < 2 || i + 2 + length > bytes.length) return undefined
    const seg: Segment = { marker, start: i, end: i + 2 + length }
    const head = ascii(bytes, i + 4, 29)
    if (marker === APP1)
      seg.kind = head.startsWith('Exif\0')
        ? 'exif'
        : head.startsWith('http://ns.adobe.com/xap/1.0/')
          ? 'xmp'
          : 'app1'
    else if (marker === APP13) seg.kind = 'iptc'
    else if (marker === COM) seg.kind = 'comment'
    out.push(seg)
    i = seg.end
  }
  return out
}

/** The metadata kinds a JPEG carries ([] when clean); undefined when the bytes are not a readable JPEG. */
export function findJpegMetadata(bytes: Uint8Array): JpegMetadataKind[] | undefined {
  const list = segments(bytes)
  return list?.filter((s) => s.kind).map((s) => s.kind as JpegMetadataKind)
}

/** The same JPEG without EXIF, XMP, IPTC or comments (pixels, JFIF and colour profile untouched). */
export function stripJpegMetadata(bytes: Uint8Array): Uint8Array {
  const list = segments(bytes)
  if (!list) return bytes
  const drop = list.filter((s) => s.kind)
  if (drop.length === 0) return bytes
  const out = new Uint8Array(bytes.length - drop.reduce((n, s) => n + (s.end - s.start), 0))
  let from = 0
  let to = 0
  for (const s of drop) {
    out.set(bytes.subarray(from, s.start), to)
    to += s.start - from
    from = s.end
  }
  out.set(bytes.subarray(from), to)
  return out
}
