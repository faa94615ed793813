// Administration through the real org function: who may do what, places (add, rename, retire,
// re-issue a code), categories and departments, duties with handovers, invites and binding.
import { startBackend, type Backend } from './helpers/backend'
import { docs } from './helpers/roster-files'
import type { AdminBuilding, AdminCategory, DutyRow } from '../../types/api/org-admin'
import { adminApi } from '../../types/api/admin'

/** Roster files and posters are the `admin` function's; the rest of the administration is `org`'s. */
const fnOf = (action: string): 'admin' | 'org' => (action in adminApi ? 'admin' : 'org')

const SAFETY = 'demo-safety'
const B07 = 'demo-building-captain'

// These suites share two cores with the rest of the test run: give each step room.
jest.setTimeout(60_000)

describe('org administration', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())
  const count = async (c: string) => (await docs(b, c)).length

  it('knows the scope of each administrator and refuses everyone else', async () => {
    await expect(b.okAs(SAFETY, 'org', 'admin.scope', {})).resolves.toMatchObject({ all: true })
    await expect(b.okAs(B07, 'org', 'admin.scope', {})).resolves.toMatchObject({
      all: false,
      buildingIds: ['B07'],
    })
    for (const who of ['demo-staff', 'demo-floor-captain', 'demo-coordinator', 'demo-leader'])
      await expect(b.callAs(who, 'org', 'places.list', {})).resolves.toMatchObject({
        ok: false,
        code: 'auth.forbidden',
      })
    await expect(b.callAs('o-nobody', 'org', 'admin.scope', {})).resolves.toMatchObject({
      ok: false,
      code: 'auth.unknown_user',
    })
    const mine = await b.okAs<{ buildings: AdminBuilding[] }>(B07, 'org', 'places.list', {})
    expect(mine.buildings.map((x) => x.id)).toEqual(['B07'])
  })

  it.each([
    ['rename another building', 'building.save', { id: 'B01', name: '改名' }],
    ['add a building', 'building.save', { name: '新楼' }],
    ['retire another floor', 'floor.retire', { id: 'B01F01', retired: true }],
    ['retire a floor that does not exist', 'floor.retire', { id: 'NOPE', retired: true }],
    ['list another roster', 'duties.list', { buildingId: 'B01' }],
    [
      'edit categories',
      'category.save',
      {
        name: 'x',
        severity: 'low',
        responseMinutes: { high: 1, medium: 1, low: 1 },
        urgent: false,
      },
    ],
    ['invite someone of another building', 'invite.create', { userId: 'u-fc-B01F01' }],
    ['print the whole hospital', 'posters', {}],
    ['print another building', 'posters', { buildingId: 'B01' }],
  ])('refuses a 楼长 who tries to %s, writing nothing', async (_what, action, input) => {
    const before = await Promise.all(['buildings', 'floors', 'categories', 'invites'].map(count))
    await expect(b.callAs(B07, fnOf(action), action, input)).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    expect(await Promise.all(['buildings', 'floors', 'categories', 'invites'].map(count))).toEqual(
      before,
    )
  })

  it.each([
    ['building.save', { name: '' }, 'name'],
    ['building.save', { name: 'x'.repeat(31) }, 'name'],
    ['building.save', { name: '新楼', floors: 1000 }, 'floors'],
    ['floor.save', { buildingId: 'B07', name: '9层', level: 'nine' }, 'level'],
    ['floor.reissueCode', { id: 'B07F01' }, 'keepOld'],
    ['department.save', { name: 5 }, 'name'],
    [
      'category.save',
      {
        name: '新类',
        severity: 'huge',
        responseMinutes: { high: 1, medium: 1, low: 1 },
        urgent: false,
      },
      'severity',
    ],
    [
      'category.save',
      {
        name: '新类',
        severity: 'low',
        responseMinutes: { high: 0, medium: 1, low: 1 },
        urgent: false,
      },
      'responseMinutes.high',
    ],
    [
      'duty.assign',
      {
        kind: 'floor_captain',
        buildingId: 'B07',
        floorId: 'B07F01',
        person: { name: '张', phone: '123' },
      },
      'person.phone',
    ],
    ['invite.redeem', { code: '12ab56' }, 'code'],
    ['posters', { floorId: 42 }, 'floorId'],
    ['building.save', { name: '新楼', extra: 1 }, '(input)'],
    ['admin.scope', { x: 1 }, '(input)'],
    ['places.list', { x: 1 }, '(input)'],
    ['building.retire', { id: 'B07' }, 'retired'],
    ['floor.retire', { id: 5, retired: true }, 'id'],
    ['floor.save', { buildingId: 'B07', name: '层'.repeat(21), level: 9 }, 'name'],
    ['settings.save', { hospitalName: '' }, 'hospitalName'],
    ['departments.list', { x: 1 }, '(input)'],
    ['categories.all', { x: 1 }, '(input)'],
    ['duties.list', {}, 'buildingId'],
    [
      'duty.assign',
      { kind: 'janitor', buildingId: 'B07', person: { name: '张', phone: '13800000000' } },
      'kind',
    ],
    [
      'duty.assign',
      {
        kind: 'coordinator',
        buildingId: 'B07',
        person: { name: '张', phone: '13800000000' },
        validFrom: 'soon',
      },
      'validFrom',
    ],
    ['duty.end', { id: '' }, 'id'],
    ['invite.create', {}, 'userId'],
    ['user.unbind', { userId: 'x'.repeat(65) }, 'userId'],
    ['audit.list', { userId: 7 }, 'userId'],
    ['roster.export', { format: 'pdf' }, 'format'],
    ['roster.import', { fileID: 'cloud://x/y.xlsx', dryRun: 'yes' }, 'dryRun'],
  ])('answers %s %j with input.invalid naming %s', async (action, input, path) => {
    const res = (await b.callAs(SAFETY, fnOf(action), action, input)) as {
      ok: boolean
      code: string
      issues?: Array<{ path: string }>
    }
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    expect(res.issues?.map((i) => i.path)).toContain(path)
  })

  it('adds a building with its floors, renames it, and refuses a duplicate name', async () => {
    const { id } = await b.okAs<{ id: string }>(SAFETY, 'org', 'building.save', {
      name: '30号楼（新院区）',
      floors: 3,
    })
    const list = await b.okAs<{ buildings: AdminBuilding[] }>(SAFETY, 'org', 'places.list', {})
    const added = list.buildings.find((x) => x.id === id)!
    expect(added.floors.map((f) => f.name)).toEqual(['1层', '2层', '3层'])
    expect(new Set(added.floors.map((f) => f.scene)).size).toBe(3)
    await b.okAs(SAFETY, 'org', 'building.save', { id, name: '30号楼' })
    await expect(
      b.callAs(SAFETY, 'org', 'building.save', { name: '30号楼' }),
    ).resolves.toMatchObject({ ok: false, code: 'input.invalid' })
    const floor = await b.okAs<{ id: string; scene: string }>(SAFETY, 'org', 'floor.save', {
      buildingId: id,
      name: '负1层',
      level: -1,
    })
    expect(floor.scene.length).toBeLessThanOrEqual(32)
    await expect(
      b.okAs(SAFETY, 'org', 'floorByScene', { scene: floor.scene }),
    ).resolves.toMatchObject({ floor: { name: '负1层' }, building: { name: '30号楼' } })
  })

  it('a retired floor’s code answers qr.invalid and the floor leaves the picker; restoring brings it back', async () => {
    await b.okAs(B07, 'org', 'floor.retire', { id: 'B07F07', retired: true })
    await expect(
      b.callAs('demo-staff', 'org', 'floorByScene', { scene: 'f=B07F07' }),
    ).resolves.toMatchObject({ ok: false, code: 'qr.invalid' })
    const picker = await b.okAs<Array<{ id: string; floors: Array<{ id: string }> }>>(
      'demo-staff',
      'org',
      'buildings',
      {},
    )
    expect(picker.find((x) => x.id === 'B07')!.floors.map((f) => f.id)).not.toContain('B07F07')
    await b.okAs(B07, 'org', 'floor.retire', { id: 'B07F07', retired: false })
    await expect(
      b.okAs('demo-staff', 'org', 'floorByScene', { scene: 'f=B07F07' }),
    ).resolves.toMatchObject({ floor: { id: 'B07F07' } })
  })

  it('re-issues a floor’s code keeping the old one working, or retiring it', async () => {
    const kept = await b.okAs<{ scene: string; aliasScenes: string[] }>(
      B07,
      'org',
      'floor.reissueCode',
      { id: 'B07F06', keepOld: true },
    )
    expect(kept.scene).not.toBe('f=B07F06')
    expect(kept.aliasScenes).toEqual(['f=B07F06'])
    for (const scene of [kept.scene, 'f=B07F06'])
      await expect(b.okAs('demo-staff', 'org', 'floorByScene', { scene })).resolves.toMatchObject({
        floor: { id: 'B07F06' },
      })
    const retired = await b.okAs<{ scene: string; aliasScenes: string[] }>(
      B07,
      'org',
      'floor.reissueCode',
      { id: 'B07F06', keepOld: false },
    )
    expect(retired.aliasScenes).toEqual([])
    for (const scene of [kept.scene, 'f=B07F06'])
      await expect(b.callAs('demo-staff', 'org', 'floorByScene', { scene })).resolves.toMatchObject(
        { ok: false, code: 'qr.invalid' },
      )
    await expect(
      b.okAs('demo-staff', 'org', 'floorByScene', { scene: retired.scene }),
    ).resolves.toMatchObject({ floor: { id: 'B07F06' } })
  })

  it('edits a category’s severity, response minutes and urgency; the seed has them', async () => {
    const all = await b.okAs<AdminCategory[]>(SAFETY, 'org', 'categories.all', {})
    const elevator = all.find((c) => c.name === '电梯')!
    expect(elevator).toMatchObject({ urgent: true, responseMinutes: { high: 15 } })
    expect(all.find((c) => c.name === '其他')).toMatchObject({
      urgent: false,
      responseMinutes: { medium: 120, low: 240 },
    })
    const saved = await b.okAs<AdminCategory>(SAFETY, 'org', 'category.save', {
      id: elevator.id,
      name: '电梯',
      icon: '🛗',
      severity: 'medium',
      responseMinutes: { high: 10, medium: 20, low: 30 },
      urgent: false,
      active: true,
    })
    expect(saved).toMatchObject({ severity: 'medium', urgent: false, order: elevator.order })
    const [doc] = await docs<{ slaHours: number; responseMinutes: object }>(b, 'categories', {
      _id: elevator.id,
    })
    expect(doc).toMatchObject({ responseMinutes: { high: 10, medium: 20, low: 30 } })
    expect(doc.slaHours).toBeCloseTo(20 / 60)
    const dept = await b.okAs<{ id: string }>(SAFETY, 'org', 'department.save', {
      name: '基建科',
      kind: 'construction',
    })
    const depts = await b.okAs<Array<{ id: string; name: string }>>(
      SAFETY,
      'org',
      'departments.list',
      {},
    )
    expect(depts.find((d) => d.id === dept.id)?.name).toBe('基建科')
  })

  it('hands a floor over: the old duty ends (history kept), the new 层长 owns the next hazard', async () => {
    await expect(
      b.callAs(B07, 'org', 'duty.assign', {
        kind: 'floor_captain',
        buildingId: 'B07',
        floorId: 'B07F02',
        person: { name: '孙接任', phone: '13700000002' },
      }),
    ).resolves.toMatchObject({ ok: false, code: 'input.invalid' })
    const res = await b.okAs<{ dutyId: string; userId: string; ended: string[] }>(
      B07,
      'org',
      'duty.assign',
      {
        kind: 'floor_captain',
        buildingId: 'B07',
        floorId: 'B07F02',
        person: { name: '孙接任', phone: '13700000002', departmentName: '护理部' },
        handover: true,
      },
    )
    expect(res.ended).toHaveLength(1)
    const { duties } = await b.okAs<{ duties: DutyRow[] }>(B07, 'org', 'duties.list', {
      buildingId: 'B07',
      history: true,
    })
    const here = duties.filter((d) => d.floorId === 'B07F02' && !d.deputy)
    expect(here.map((d) => [d.name, d.current])).toEqual(
      expect.arrayContaining([
        ['孙接任', true],
        [expect.any(String), false],
      ]),
    )
    expect(here.find((d) => d.current)).toMatchObject({ bound: false, phone: '13700000002' })
    const header = await b.okAs<{ captains: Array<{ name: string }> }>(
      'demo-staff',
      'org',
      'floor',
      { floorId: 'B07F02' },
    )
    expect(header.captains[0].name).toBe('孙接任')
    const [user] = await docs<{ roles: string[] }>(b, 'users', { _id: res.userId })
    expect(user.roles).toContain('floor_captain')
  })

  it('issues a one-time invite; redeeming binds the OPENID, audited; retries are harmless', async () => {
    const target = 'u-fc-B07F05'
    const first = await b.okAs<{ code: string; qr: string; scene: string }>(
      SAFETY,
      'org',
      'invite.create',
      { userId: target },
    )
    expect(first.code).toMatch(/^\d{6}$/)
    expect(first.scene).toBe(`i=${first.code}`)
    expect(first.qr).toMatch(/^data:image\/png;base64,/)
    const second = await b.okAs<{ code: string }>(B07, 'org', 'invite.create', { userId: target })
    await expect(
      b.callAs('o-new-phone', 'org', 'invite.redeem', { code: first.code }),
    ).resolves.toMatchObject({ ok: false, code: 'invite.invalid' })
    await expect(
      b.callAs('demo-staff', 'org', 'invite.redeem', { code: second.code }),
    ).resolves.toMatchObject({ ok: false, code: 'bind.conflict' })
    const bound = await b.okAs<{ id: string; name: string }>(
      'o-new-phone',
      'org',
      'invite.redeem',
      {
        code: second.code,
      },
    )
    expect(bound.id).toBe(target)
    await expect(
      b.okAs('o-new-phone', 'org', 'invite.redeem', { code: second.code }),
    ).resolves.toMatchObject({ id: target })
    await expect(
      b.callAs('o-other', 'org', 'invite.redeem', { code: second.code }),
    ).resolves.toMatchObject({ ok: false, code: 'invite.invalid' })
    const who = await b.okAs<{ user: { id: string } }>('o-new-phone', 'user', 'whoami', {})
    expect(who.user.id).toBe(target)
    const log = await b.okAs<Array<{ kind: string; byName: string }>>(SAFETY, 'org', 'audit.list', {
      userId: target,
    })
    // Bind and the implied unbind share a timestamp; their order is not defined.
    expect(log.map((l) => l.kind).sort()).toEqual([
      'invite.create',
      'invite.create',
      'user.bind',
      'user.unbind',
    ])
    await b.okAs(B07, 'org', 'user.unbind', { userId: target })
    await expect(
      b.okAs<{ user: unknown }>('o-new-phone', 'user', 'whoami', {}),
    ).resolves.toMatchObject({ user: null })
    const after = await b.okAs<Array<{ kind: string; byName: string }>>(
      SAFETY,
      'org',
      'audit.list',
      { userId: target },
    )
    expect(after.filter((l) => l.kind === 'user.unbind')).toHaveLength(2)
    for (const l of after) expect(l.byName).not.toBe('')
  })

  it('stops guessing after five wrong codes', async () => {
    for (let i = 0; i < 5; i++)
      await expect(
        b.callAs('o-guesser', 'org', 'invite.redeem', { code: String(100000 + i) }),
      ).resolves.toMatchObject({ ok: false, code: 'invite.invalid' })
    await expect(
      b.callAs('o-guesser', 'org', 'invite.redeem', { code: '100009' }),
    ).resolves.toMatchObject({ ok: false, code: 'rate.limited' })
  })

  it('prints a retired-floor-free poster set and refuses a retired floor', async () => {
    await b.okAs(SAFETY, 'org', 'floor.retire', { id: 'B16F02', retired: true })
    await expect(
      b.okAs<{ pages: number }>(SAFETY, 'admin', 'posters', { buildingId: 'B16' }),
    ).resolves.toMatchObject({ pages: 1 })
    await expect(
      b.callAs(SAFETY, 'admin', 'posters', { floorId: 'B16F02' }),
    ).resolves.toMatchObject({
      ok: false,
      code: 'org.not_found',
    })
  })
})
