// The demo hospital has the shape of the real one: 29 buildings, 111 floors, 60 coordinators, 29 building captains.
import { buildHospital, demoPersonas, DEMO_FLOOR_ID } from '../../../scripts/seed/hospital'

describe('demo hospital seed', () => {
  const data = buildHospital()
  const primaries = (duty: string) => data.duties.filter((d) => d.duty === duty && !d.deputy)
  const all = (duty: string) => data.duties.filter((d) => d.duty === duty)

  it.each([
    ['buildings', data.buildings.length, 29],
    ['floors', data.floors.length, 111],
    ['primary floor captains', primaries('floor_captain').length, 111],
    ['coordinators', all('coordinator').length, 60],
    ['building captains', all('building_captain').length, 29],
    ['hazard categories', data.categories.length, 13],
    ['of them 重大 by default', data.categories.filter((c) => c.grade === 'major').length, 1],
  ])('%s: %i', (_what, actual, expected) => {
    expect(actual).toBe(expected)
  })

  it('gives every floor exactly one primary captain and a unique short scene', () => {
    for (const floor of data.floors) {
      expect(primaries('floor_captain').filter((d) => d.floorId === floor._id)).toHaveLength(1)
      expect(String(floor.scene).length).toBeLessThanOrEqual(32)
    }
    expect(new Set(data.floors.map((f) => f.scene)).size).toBe(111)
  })

  it('is deterministic and binds every demo persona to a user', () => {
    expect(buildHospital()).toEqual(data)
    const personas = demoPersonas(data)
    expect(personas.map((p) => p.name).every(Boolean)).toBe(true)
    const captain = data.users.find((u) => u.openid === 'demo-floor-captain')
    expect(data.duties.find((d) => d.userId === captain?._id)?.floorId).toBe(DEMO_FLOOR_ID)
    expect(new Set(data.users.map((u) => u.openid)).size).toBe(data.users.length)
  })
})
