// Draws the tab-bar icons (81×81 PNG, grey and selected green) into src/assets/tab/. Run once by hand
// (`npx tsx scripts/make-tab-icons.ts`); the PNGs are committed. WeChat's tab bar takes no SVG.
import { writeFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { PNG } from 'pngjs'

const SIZE = 81
type Shape = (x: number, y: number) => boolean

const inRing =
  (cx: number, cy: number, r: number, w: number): Shape =>
  (x, y) => {
    const d = Math.sqrt((x - cx) ** 2 + (y - cy) ** 2)
    return d <= r && d >= r - w
  }
const inRect =
  (x0: number, y0: number, x1: number, y1: number): Shape =>
  (x, y) =>
    x >= x0 && x <= x1 && y >= y0 && y <= y1
const frame =
  (x0: number, y0: number, x1: number, y1: number, w: number): Shape =>
  (x, y) =>
    inRect(x0, y0, x1, y1)(x, y) && !inRect(x0 + w, y0 + w, x1 - w, y1 - w)(x, y)
const any =
  (...shapes: Shape[]): Shape =>
  (x, y) =>
    shapes.some((s) => s(x, y))

const ICONS: Record<string, Shape> = {
  report: any(frame(10, 24, 70, 66, 5), inRect(28, 16, 52, 24), inRing(40, 45, 13, 5)),
  inbox: any(inRect(14, 18, 66, 25), inRect(14, 37, 66, 44), inRect(14, 56, 66, 63)),
  mine: any(
    inRing(40, 28, 14, 5),
    (x, y) =>
      y >= 50 &&
      y <= 70 &&
      ((x - 40) / 26) ** 2 + ((y - 70) / 20) ** 2 <= 1 &&
      ((x - 40) / 21) ** 2 + ((y - 70) / 15) ** 2 >= 1,
  ),
}

function draw(shape: Shape, rgb: [number, number, number]): Buffer {
  const png = new PNG({ width: SIZE, height: SIZE })
  for (let y = 0; y < SIZE; y++) {
    for (let x = 0; x < SIZE; x++) {
      const i = (y * SIZE + x) * 4
      const on = shape(x + 0.5, y + 0.5)
      png.data[i] = rgb[0]
      png.data[i + 1] = rgb[1]
      png.data[i + 2] = rgb[2]
      png.data[i + 3] = on ? 255 : 0
    }
  }
  return PNG.sync.write(png)
}

const out = resolve(__dirname, '..', 'src', 'assets', 'tab')
for (const [name, shape] of Object.entries(ICONS)) {
  writeFileSync(join(out, `${name}.png`), draw(shape, [122, 126, 131]))
  writeFileSync(join(out, `${name}-active.png`), draw(shape, [15, 123, 108]))
}
console.log(`tab icons written to ${out}`)
