// The demo history leaves a realistic hospital: most captains banked consents, a few did not, and
// every consent request names at most three templates of one kind.
import templates from '../../../database/subscribe-templates.json'
import { bankedCaptains, consentTemplates } from '../../../scripts/seed/reach'
import { buildHospital } from '../../../scripts/seed/hospital'

const captains = buildHospital().users.filter((u) =>
  (u.roles as string[]).some((r) =>
    ['floor_captain', 'coordinator', 'building_captain'].includes(r),
  ),
)

describe('demo reach', () => {
  const banked = bankedCaptains()

  it('leaves most captains reachable and a few not', () => {
    const share = banked.length / captains.length
    expect(share).toBeGreaterThan(0.85)
    expect(share).toBeLessThan(0.97)
    expect(banked.some((b) => b.longTerm)).toBe(true)
    expect(banked.some((b) => !b.longTerm)).toBe(true)
  })

  it('is the same every time and leaves the demo personas to their own taps', () => {
    expect(bankedCaptains()).toEqual(banked)
    expect(banked.filter((b) => b.openid.startsWith('demo-'))).toEqual([])
  })

  it('asks at most three templates of one kind per request', () => {
    const kind = new Map(templates.map((t) => [t.id, t.kind]))
    for (const b of banked) {
      const ids = consentTemplates(b)
      expect(ids.length).toBeLessThanOrEqual(3)
      expect(new Set(ids.map((id) => kind.get(id))).size).toBe(1)
    }
  })
})
