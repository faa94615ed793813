// The role-aware 待办 through the real functions: a 协管员's and a 楼长's building list, the safety
// office's filtered hospital list — paged by cursor through declared indexes, counts matching.
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import type { TicketSummary, TicketView } from '../../types/api/ticket'
import type { Workbench } from '../../types/api/ticket-lists'

import { TEMPLATE_IDS } from '../../types/api/notify'

const COORDINATOR = 'demo-coordinator' // 7号楼
const BUILDING_CAPTAIN = 'demo-building-captain' // 7号楼
const SAFETY = 'demo-safety'
const LEADER = 'demo-leader'
const STAFF = 'demo-staff'
const OTHER_CAPTAIN = 'o-bc-B05'
const CATEGORIES = ['fire-exit', 'electrical', 'wet-floor', 'elevator']

jest.setTimeout(30_000)

interface PageOut {
  items: TicketSummary[]
  nextCursor: string | null
  total?: number
}

describe('role-aware lists through the emulator', () => {
  let b: Backend
  const warnings: string[] = []
  const created: Array<{ id: string; floorId: string; categoryId: string }> = []

  /** Pages through an action to the end; returns every row in order. */
  const pageAll = async (openid: string, action: string, input: Record<string, unknown>) => {
    const rows: TicketSummary[] = []
    let before: string | undefined
    let first: PageOut | undefined
    for (let guard = 0; guard < 50; guard++) {
      const page = await b.okAs<PageOut>(openid, 'ticket', action, { ...input, limit: 4, before })
      first ??= page
      rows.push(...page.items)
      if (!page.nextCursor) break
      before = page.nextCursor
    }
    return { rows, first: first! }
  }
  const dbCount = async (where: Record<string, unknown>) =>
    ((await b.db.collection('tickets').where(where).count()) as { total: number }).total

  beforeAll(async () => {
    b = await startBackend({ seed: true })
    const warn = console.warn
    jest.spyOn(console, 'warn').mockImplementation((...args: unknown[]) => {
      warnings.push(args.map(String).join(' '))
      warn(...args)
    })
    // Every floor captain has consented, so each hazard stays with its floor's captain.
    const captains = [
      'demo-floor-captain',
      ...[
        'B07F01',
        'B07F02',
        'B07F04',
        'B07F05',
        'B07F06',
        'B07F07',
        'B05F01',
        'B05F02',
        'B05F03',
      ].map((f) => `o-fc-${f}`),
    ]
    for (const openid of captains) await b.consent(openid, [TEMPLATE_IDS.assigned])
    // 14 hazards over the floors of 7号楼 and 5 in 5号楼, by several reporters and categories.
    const floors = [
      ...['B07F01', 'B07F02', 'B07F03', 'B07F05', 'B07F07'].flatMap((f) => [f, f]),
      'B07F03',
      'B07F04',
      'B07F06',
      'B07F02',
      ...['B05F01', 'B05F02', 'B05F03', 'B05F01', 'B05F02'],
    ]
    for (const [i, floorId] of floors.entries()) {
      const categoryId = CATEGORIES[i % CATEGORIES.length]
      const t = await b.okAs<TicketView>(i % 3 ? STAFF : 'o-staff-2', 'ticket', 'create', {
        clientKey: `lists-${String(i).padStart(4, '0')}-key`,
        floorId,
        categoryId,
        photos: [PHOTO],
        description: i === 4 ? '配电箱门敞开，线缆裸露' : `隐患 ${i}`,
      })
      created.push({ id: t.id, floorId, categoryId })
      // Ten seconds apart: each photo's check lands, and "longest untouched" has an order.
      await b.clock.advance(10_000)
    }
  }, 120_000)
  afterAll(async () => {
    jest.restoreAllMocks()
    await b.stop()
  })
  afterEach(() => {
    // A query no declared index serves is a defect here, as in production.
    expect(warnings.filter((w) => w.includes('no declared index'))).toEqual([])
  })

  it('tells each role which 待办 it gets', async () => {
    const kinds = await Promise.all(
      [STAFF, 'demo-floor-captain', COORDINATOR, BUILDING_CAPTAIN, SAFETY, LEADER].map(
        async (o) => (await b.okAs<Workbench>(o, 'ticket', 'workbench', {})).kind,
      ),
    )
    expect(kinds).toEqual(['reporter', 'floor', 'building', 'building', 'safety', 'leader'])
    const coord = await b.okAs<Workbench>(COORDINATOR, 'ticket', 'workbench', {})
    expect(coord.buildings.map((x) => x.id)).toEqual(['B07'])
    expect(coord.buildings[0].floors).toHaveLength(7)
    expect((await b.okAs<Workbench>(LEADER, 'ticket', 'workbench', {})).readOnly).toBe(true)
  })

  it.each([
    ['协管员', COORDINATOR],
    ['楼长', BUILDING_CAPTAIN],
  ])(
    'a %s sees every open hazard on any floor of their building, paged, counts matching',
    async (_label, openid) => {
      const { rows, first } = await pageAll(openid, 'building', {})
      const expected = created.filter((c) => c.floorId.startsWith('B07')).map((c) => c.id)
      expect(rows.map((r) => r.id).sort()).toEqual([...expected].sort())
      expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length)
      const page = first as PageOut & {
        counts: { open: number; owned: number; done: number }
        floors: Array<{ id: string; open: number }>
      }
      expect(page.counts.open).toBe(rows.length)
      expect(page.counts.open).toBe(
        await dbCount({
          buildingId: 'B07',
          status: b.db.command.in(['pending', 'processing', 'rectifying', 'reviewing']),
        }),
      )
      expect(page.counts.owned).toBe(rows.filter((r) => r.owned).length)
      const perFloor = Object.fromEntries(page.floors.map((f) => [f.id, f.open]))
      for (const f of page.floors)
        expect(perFloor[f.id]).toBe(rows.filter((r) => r.floorId === f.id).length)
      // Stuck first: the longest untouched comes first.
      const times = rows.map((r) => r.updatedAt)
      expect([...times].sort()).toEqual(times)
      // Every row carries its first photo as a URL (one batch per page).
      expect(rows.every((r) => r.thumbUrl?.startsWith('http://127.0.0.1'))).toBe(true)
    },
  )

  it('refuses a building outside the caller’s duty, and anyone without one', async () => {
    const other = await b.callAs(COORDINATOR, 'ticket', 'building', { buildingId: 'B05' })
    expect(other).toMatchObject({ ok: false, code: 'auth.forbidden' })
    const ghost = await b.callAs(COORDINATOR, 'ticket', 'building', { buildingId: 'B99' })
    expect(ghost).toMatchObject({ ok: false, code: 'auth.forbidden' })
    const staff = await b.callAs(STAFF, 'ticket', 'building', {})
    expect(staff).toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect(await b.callAs(STAFF, 'ticket', 'hospital', {})).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    expect(await b.callAs(BUILDING_CAPTAIN, 'ticket', 'hospital', {})).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    const b5 = await b.okAs<PageOut>(OTHER_CAPTAIN, 'ticket', 'building', {})
    expect(b5.items.every((r) => r.floorId.startsWith('B05'))).toBe(true)
  })

  it('moves finished work to 已办结 and past-deadline work to overdue', async () => {
    const target = created.find((c) => c.floorId === 'B07F05')!
    const t = await b.okAs<TicketView>(SAFETY, 'ticket', 'get', { id: target.id })
    await b.okAs(BUILDING_CAPTAIN, 'ticket', 'act', {
      id: t.id,
      action: 'fix',
      afterPhotos: [PHOTO],
    })
    const late = created.find((c) => c.floorId === 'B07F07')!
    await b.okAs(BUILDING_CAPTAIN, 'ticket', 'act', {
      id: late.id,
      action: 'defer',
      deadline: new Date(b.clock.now() + 86400_000).toISOString(),
      departmentId: 'general-affairs',
      plan: '更换线槽',
    })
    // The deadline passes (written directly: the contract refuses a deadline in the past).
    await b.db
      .collection('tickets')
      .doc(late.id)
      .update({ data: { deadline: new Date(b.clock.now() - 3600_000) } })

    const open = await pageAll(BUILDING_CAPTAIN, 'building', {})
    expect(open.rows.map((r) => r.id)).not.toContain(t.id)
    expect(open.rows.find((r) => r.id === late.id)?.overdue).toBe(true)
    expect((open.first as unknown as { counts: { overdue: number } }).counts.overdue).toBe(1)

    const done = await pageAll(BUILDING_CAPTAIN, 'done', { buildingId: 'B07' })
    expect(done.rows.map((r) => r.id)).toEqual([t.id])
    expect(done.first.total).toBe(1)
    const mineDone = await pageAll(BUILDING_CAPTAIN, 'done', {})
    expect(mineDone.rows.map((r) => r.id)).toEqual(
      (await dbCount({ ownerId: 'u-bc-B07', status: 'fixed' })) ? [t.id] : [],
    )
    expect(await b.callAs(COORDINATOR, 'ticket', 'done', { buildingId: 'B05' })).toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })

    const overdue = await pageAll(SAFETY, 'hospital', { overdue: true })
    expect(overdue.rows.map((r) => r.id)).toEqual([late.id])
    const notOverdue = await pageAll(SAFETY, 'hospital', { overdue: false })
    expect(notOverdue.rows).toHaveLength(created.length - 1)
  })

  it('gives the safety office the whole hospital with filters and a search, counts matching', async () => {
    const all = await pageAll(SAFETY, 'hospital', {})
    expect(all.rows).toHaveLength(created.length)
    expect(all.first.total).toBe(created.length)
    const times = all.rows.map((r) => r.createdAt)
    expect([...times].sort().reverse()).toEqual(times)

    const cases: Array<[Record<string, unknown>, (c: (typeof created)[number]) => boolean]> = [
      [{ buildingId: 'B05' }, (c) => c.floorId.startsWith('B05')],
      [{ buildingId: 'B07', floorId: 'B07F02' }, (c) => c.floorId === 'B07F02'],
      [{ categoryId: 'electrical' }, (c) => c.categoryId === 'electrical'],
      [
        { buildingId: 'B07', categoryId: 'fire-exit' },
        (c) => c.floorId.startsWith('B07') && c.categoryId === 'fire-exit',
      ],
      [
        { status: 'fixed' },
        (c) => c.floorId === 'B07F05' && c === created.find((x) => x.floorId === 'B07F05'),
      ],
      [{ status: 'done' }, (c) => c === created.find((x) => x.floorId === 'B07F05')],
      [{ status: 'rectifying' }, (c) => c === created.find((x) => x.floorId === 'B07F07')],
      [{ q: '配电箱' }, (c) => c === created[4]],
      [{ from: '2000-01-01', to: '2000-01-02' }, () => false],
      [{ from: new Date(b.clock.now()).toISOString().slice(0, 10) }, () => true],
    ]
    for (const [filter, expected] of cases) {
      const want = created.filter(expected).map((c) => c.id)
      const got = await pageAll(SAFETY, 'hospital', filter)
      expect({ filter, ids: got.rows.map((r) => r.id).sort() }).toEqual({
        filter,
        ids: [...want].sort(),
      })
      expect({ filter, total: got.first.total }).toEqual({ filter, total: want.length })
    }
    const leader = await pageAll(LEADER, 'hospital', { status: 'open' })
    expect(leader.first.total).toBe(created.length - 1)
  })

  it('checks every id a filter names', async () => {
    for (const [field, input] of [
      ['buildingId', { buildingId: 'B99' }],
      ['floorId', { floorId: 'B99F01' }],
      ['floorId', { buildingId: 'B05', floorId: 'B07F01' }],
      ['categoryId', { categoryId: 'nope' }],
      ['to', { from: '2026-05-02', to: '2026-05-01' }],
      ['before', { before: 'garbage' }],
    ] as const) {
      const res = await b.callAs<unknown>(SAFETY, 'ticket', 'hospital', input)
      expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
      expect(JSON.stringify(res)).toContain(field)
    }
  })

  it('shows a reporter what waits for their confirmation', async () => {
    // The hazard fixed above (the first on 5层) was reported by o-staff-2.
    const fixedId = created.find((c) => c.floorId === 'B07F05')!.id
    expect((await b.okAs<Workbench>('o-staff-2', 'ticket', 'workbench', {})).awaitingConfirm).toBe(
      1,
    )
    expect((await b.okAs<Workbench>(STAFF, 'ticket', 'workbench', {})).awaitingConfirm).toBe(0)
    const waiting = await pageAll('o-staff-2', 'mine', { awaitingConfirm: true })
    expect(waiting.rows.map((r) => r.id)).toEqual([fixedId])
    expect(waiting.rows[0].awaitingConfirm).toBe(true)
    await b.okAs('o-staff-2', 'ticket', 'act', { id: fixedId, action: 'confirm', rating: 5 })
    expect((await b.okAs<Workbench>('o-staff-2', 'ticket', 'workbench', {})).awaitingConfirm).toBe(
      0,
    )
  })
})
