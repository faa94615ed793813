// Floor posters: one A4 page per floor, captains as real text, a code on each page that decodes.
import { execFileSync } from 'node:child_process'
import { mkdirSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import jsQR from 'jsqr'
import { PNG } from 'pngjs'
import { startBackend, type Backend } from './helpers/backend'
import { docs } from './helpers/roster-files'

const SAFETY = 'demo-safety'

// These suites share two cores with the rest of the test run: give each step room.
jest.setTimeout(60_000)

describe('admin.posters', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('prints one page per floor of a building with names, phones and a decodable code', async () => {
    const out = await b.okAs<{ url: string; pages: number; fileID: string }>(
      SAFETY,
      'admin',
      'posters',
      { buildingId: 'B07' },
    )
    const floors = await docs<{ _id: string; name: string; scene: string; level: number }>(
      b,
      'floors',
      { buildingId: 'B07' },
    )
    const ordered = floors.sort((x, y) => x.level - y.level)
    expect(out.pages).toBe(ordered.length)
    const dir = mkdtempSync(join(tmpdir(), 'posters-'))
    const pdf = join(dir, 'p.pdf')
    writeFileSync(pdf, Buffer.from(await (await fetch(out.url)).arrayBuffer()))
    const info = execFileSync('pdfinfo', [pdf]).toString()
    expect(info).toMatch(new RegExp(`Pages:\\s+${ordered.length}\\b`))
    expect(info).toMatch(/Page size:\s+595\.\d+ x 841\.\d+/)
    const duties = await docs<{ floorId?: string; userId: string }>(b, 'duties')
    const users = await docs<{ _id: string; name: string; phone: string }>(b, 'users')
    const nameOf = (id: string) => users.find((u) => u._id === id)!
    execFileSync('pdftoppm', ['-r', '72', '-png', pdf, join(dir, 'page')])
    // A page as the print shop will see it, for people to look at.
    mkdirSync('test-results', { recursive: true })
    execFileSync('pdftoppm', [
      '-r',
      '110',
      '-png',
      '-f',
      '3',
      '-l',
      '3',
      '-singlefile',
      pdf,
      'test-results/poster-B07F03',
    ])
    const pngs = readdirSync(dir)
      .filter((f) => f.startsWith('page'))
      .sort()
    expect(pngs).toHaveLength(ordered.length)
    ordered.forEach((floor, i) => {
      const text = execFileSync('pdftotext', [
        '-f',
        String(i + 1),
        '-l',
        String(i + 1),
        '-layout',
        pdf,
        '-',
      ]).toString()
      expect(text).toContain('7号楼')
      expect(text).toContain(floor.name)
      expect(text).toContain('发现隐患 扫码随手拍')
      for (const d of duties.filter((x) => x.floorId === floor._id)) {
        const u = nameOf(d.userId)
        expect(text).toContain(u.name)
        expect(text).toContain(u.phone)
      }
      const png = PNG.sync.read(readFileSync(join(dir, pngs[i])))
      const code = jsQR(new Uint8ClampedArray(png.data), png.width, png.height)
      expect(code).not.toBeNull()
      const url = new URL(code!.data)
      expect(url.searchParams.get('scene')).toBe(floor.scene)
      expect(url.searchParams.get('page')).toBe('pages/report/index')
    })
  }, 60_000)
})
