// org and notify through the real functions: the floor behind a QR code, consent credits, the outbox.
import { startBackend, type Backend } from './helpers/backend'
import { TEMPLATE_IDS } from '../../types/api/notify'
import type { FloorHeader } from '../../types/api/org'

describe('org and notify through the emulator', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  it('finds the floor and its current captains from a QR scene', async () => {
    const header = await b.okAs<FloorHeader>('demo-staff', 'org', 'floorByScene', {
      scene: 'f=B07F03',
    })
    expect(header.floor).toMatchObject({ id: 'B07F03', name: '3层' })
    expect(header.building.name).toContain('7号楼')
    expect(header.captains.map((c) => c.deputy)).toEqual([false, true])
    expect(header.captains[0].phone).toMatch(/^1\d{10}$/)
  })

  it.each([
    ['an unknown scene', { scene: 'f=NOPE' }, 'qr.invalid'],
    ['a scene over 32 characters', { scene: 'f='.padEnd(33, 'x') }, 'input.invalid'],
    ['a missing scene', {}, 'input.invalid'],
  ])('answers %s with %s', async (_name, input, code) => {
    await expect(b.callAs('demo-staff', 'org', 'floorByScene', input)).resolves.toMatchObject({
      ok: false,
      code,
    })
  })

  it('lists categories in order and every building with its floors', async () => {
    const categories = await b.okAs<Array<{ name: string; slaHours: number }>>(
      'demo-staff',
      'org',
      'categories',
      {},
    )
    expect(categories).toHaveLength(13)
    expect(categories[0].name).toBe('消防通道堵塞')
    const buildings = await b.okAs<Array<{ floors: unknown[] }>>(
      'demo-staff',
      'org',
      'buildings',
      {},
    )
    expect(buildings).toHaveLength(29)
    expect(buildings.reduce((n, x) => n + x.floors.length, 0)).toBe(111)
  })

  it('counts consent credits per template and ignores unknown templates', async () => {
    const first = await b.okAs<{ credits: Record<string, number> }>(
      'demo-coordinator',
      'notify',
      'consent',
      {
        results: {
          [TEMPLATE_IDS.escalated]: 'accept',
          [TEMPLATE_IDS.assigned]: 'reject',
          nope: 'accept',
        },
        requestKey: 'org-notify-first',
      },
    )
    expect(first.credits).toEqual({ [TEMPLATE_IDS.escalated]: 1 })
    const second = await b.okAs<{ credits: Record<string, number> }>(
      'demo-coordinator',
      'notify',
      'consent',
      { results: { [TEMPLATE_IDS.escalated]: 'accept' }, requestKey: 'org-notify-second' },
    )
    expect(second.credits[TEMPLATE_IDS.escalated]).toBe(2)
  })

  it('refuses consent from someone who is not staff; dispatch is unknown to every client', async () => {
    await expect(
      b.callAs('o-stranger', 'notify', 'consent', { results: {}, requestKey: 'stranger-1' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.unknown_user' })
    await expect(b.callAs('demo-safety', 'notify', 'dispatch', { ids: [] })).resolves.toMatchObject(
      { ok: false, code: 'action.unknown' },
    )
  })
})
