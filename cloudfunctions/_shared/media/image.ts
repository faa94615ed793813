// Pixel work on JPEGs in pure JS (jpeg-js, bundled into the function): a blurred rendition for
// flagged photos and black boxes for redaction.
import * as jpeg from 'jpeg-js'

/** A rectangle as fractions (0–1) of the image's width and height. */
export interface Box {
  x: number
  y: number
  w: number
  h: number
}

function decode(bytes: Buffer) {
  return jpeg.decode(bytes, { useTArray: true, formatAsRGBA: true, maxMemoryUsageInMB: 256 })
}

function encode(img: { width: number; height: number; data: Uint8Array }): Buffer {
  return Buffer.from(jpeg.encode({ ...img, data: Buffer.from(img.data) }, 70).data)
}

/** A heavily pixelated copy (about 12 blocks across): shape and colour stay, content does not. */
export function pixelate(bytes: Buffer): Buffer {
  const img = decode(bytes)
  const { width, height, data } = img
  const block = Math.max(4, Math.ceil(Math.max(width, height) / 12))
  for (let by = 0; by < height; by += block) {
    for (let bx = 0; bx < width; bx += block) {
      const sum = [0, 0, 0]
      let n = 0
      for (let y = by; y < Math.min(by + block, height); y++)
        for (let x = bx; x < Math.min(bx + block, width); x++) {
          const i = (y * width + x) * 4
          sum[0] += data[i]
          sum[1] += data[i + 1]
          sum[2] += data[i + 2]
          n++
        }
      for (let y = by; y < Math.min(by + block, height); y++)
        for (let x = bx; x < Math.min(bx + block, width); x++) {
          const i = (y * width + x) * 4
          data[i] = sum[0] / n
          data[i + 1] = sum[1] / n
          data[i + 2] = sum[2] / n
        }
    }
  }
  return encode(img)
}

/** A copy with solid black boxes over the given areas. */
export function blackBoxes(bytes: Buffer, boxes: Box[]): Buffer {
  const img = decode(bytes)
  const { width, height, data } = img
  for (const b of boxes) {
    const x0 = Math.max(0, Math.floor(b.x * width))
    const y0 = Math.max(0, Math.floor(b.y * height))
    const x1 = Math.min(width, Math.ceil((b.x + b.w) * width))
    const y1 = Math.min(height, Math.ceil((b.y + b.h) * height))
    for (let y = y0; y < y1; y++)
      for (let x = x0; x < x1; x++) {
        const i = (y * width + x) * 4
        data[i] = data[i + 1] = data[i + 2] = 0
      }
  }
  return encode(img)
}
