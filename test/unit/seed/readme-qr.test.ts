// The README's example QR link names a floor that exists, the same one `npm start` prints.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { buildHospital, DEMO_SCENE } from '../../../scripts/seed/hospital'

describe('README example QR link', () => {
  it('opens the demo floor, which exists in the seeded hospital', () => {
    const readme = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8')
    const scenes = [...readme.matchAll(/scene=([A-Za-z0-9%]+)/g)].map((m) =>
      decodeURIComponent(m[1]),
    )
    expect(scenes.length).toBeGreaterThan(0)
    const floors = new Set(buildHospital().floors.map((f) => f.scene))
    for (const scene of scenes) expect(floors.has(scene)).toBe(true)
    expect(scenes).toContain(DEMO_SCENE)
  })
})
