// Roster import and export through the real org function: every bad row named by row and column
// with nothing written, a preview before applying, export → import changes nothing, and a
// handover keeps the old captain's name on old tickets while new hazards reach the new one.
import ExcelJS from 'exceljs'
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { csv, docs, hugeXlsx, seedRosterRows, upload, xlsx } from './helpers/roster-files'
import type { RosterPreview } from '../../types/api/org-admin'
import type { TicketView } from '../../types/api/ticket'
import { TEMPLATE_IDS } from '../../types/api/notify'

const SAFETY = 'demo-safety'
type Err = { ok: false; code: string; message: string; data?: { errors: ErrorRow[] } }
type ErrorRow = { row: number | null; column: string | null; message: string }

/** Everything an import may write, as one comparable value. */
async function snapshot(b: Backend): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const c of ['users', 'duties', 'buildings', 'floors', 'audit_log']) {
    out[c] = (await docs<{ _id: string }>(b, c)).sort((x, y) => x._id.localeCompare(y._id))
  }
  return JSON.stringify(out)
}

// These suites share two cores with the rest of the test run: give each step room.
jest.setTimeout(60_000)

describe('org roster import and export', () => {
  let b: Backend
  const importFile = async (content: Buffer, dryRun: boolean, ext = 'xlsx') =>
    b.callAs<RosterPreview>(SAFETY, 'admin', 'roster.import', {
      fileID: await upload(b, content, ext),
      dryRun,
    })

  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  const rows = seedRosterRows()
  const idx = (pred: (r: string[]) => boolean) => rows.findIndex(pred)
  const at = (i: number) => i + 2 // sheet row of data row i (row 1 is the header)
  const deputyRow = idx((r) => r[2] === '层长(备)')
  const captainRow = idx((r) => r[2] === '层长')

  const badCases: Array<[string, (r: string[][]) => string[][], number, string]> = [
    [
      'an unknown building',
      (r) => r.map((x, i) => (i === 5 ? ['不存在的楼', ...x.slice(1)] : x)),
      at(5),
      '楼栋',
    ],
    [
      'an unknown floor',
      (r) => r.map((x, i) => (i === captainRow ? [x[0], '99层', ...x.slice(2)] : x)),
      at(captainRow),
      '楼层',
    ],
    [
      'an unknown role',
      (r) => r.map((x, i) => (i === 7 ? [x[0], x[1], '保洁', ...x.slice(3)] : x)),
      at(7),
      '角色',
    ],
    [
      'a bad mobile number',
      (r) => r.map((x, i) => (i === 9 ? [...x.slice(0, 4), '12345', x[5]] : x)),
      at(9),
      '手机',
    ],
    [
      'one floor with two 层长',
      (r) => r.map((x, i) => (i === deputyRow ? [x[0], x[1], '层长', ...x.slice(3)] : x)),
      at(deputyRow),
      '角色',
    ],
    [
      'the same phone under two names',
      (r) => r.map((x, i) => (i === 11 ? [...x.slice(0, 4), r[3][4], x[5]] : x)),
      at(11),
      '手机',
    ],
    [
      'an empty name',
      (r) => r.map((x, i) => (i === 12 ? [x[0], x[1], x[2], '', x[4], x[5]] : x)),
      at(12),
      '姓名',
    ],
  ]

  it.each(badCases)(
    'refuses %s, naming row and column, and writes nothing',
    async (_name, edit, row, column) => {
      const before = await snapshot(b)
      for (const dryRun of [true, false]) {
        const res = (await importFile(await xlsx(edit(rows)), dryRun)) as unknown as Err
        expect(res).toMatchObject({ ok: false, code: 'roster.invalid' })
        expect(res.message).toMatch(/未导入任何内容/)
        expect(res.data?.errors).toEqual(
          expect.arrayContaining([expect.objectContaining({ row, column })]),
        )
        for (const e of res.data!.errors) expect(e.message).toMatch(/[\u4e00-\u9fa5]/)
      }
      expect(await snapshot(b)).toBe(before)
    },
  )

  it('lists every bad row at once, not only the first', async () => {
    const edited = rows.map((x, i) =>
      i === 2 ? [...x.slice(0, 4), 'abc', x[5]] : i === 4 ? [x[0], x[1], '队长', ...x.slice(3)] : x,
    )
    const res = (await importFile(await xlsx(edited), true)) as unknown as Err
    expect(res.data?.errors.map((e) => [e.row, e.column])).toEqual([
      [4, '手机'],
      [6, '角色'],
    ])
  })

  it.each([
    [
      'a wrong header',
      () => xlsx(rows, undefined, ['楼', '楼层', '角色', '姓名', '手机', '科室']),
      /楼栋/,
    ],
    ['an empty sheet', () => xlsx([]), /没有任何人员/],
    [
      'a formula',
      () =>
        xlsx(
          rows,
          (ws) => (ws.getCell('E3').value = { formula: 'A1&B1' } as ExcelJS.CellFormulaValue),
        ),
      /公式/,
    ],
    ['merged cells', () => xlsx(rows, (ws) => ws.mergeCells('A2:A4')), /合并单元格/],
    [
      'an 8 MB spreadsheet',
      async () => csv(Array.from({ length: 200_000 }, () => rows[0].concat('x'.repeat(20)))),
      /文件过大/,
    ],
    [
      '100,000 rows',
      async () => csv(Array.from({ length: 100_000 }, () => ['1', '', '楼长', '张', '1', ''])),
      /行数过多/,
    ],
    ['100,000 rows in XLSX', () => hugeXlsx(100_000), /行数过多/],
    [
      'a file that is not a spreadsheet',
      async () => Buffer.from('PK\u0003\u0004garbage'),
      /无法读取/,
    ],
    [
      'a CSV formula',
      async () =>
        csv([...rows.slice(0, 3), ['=HYPERLINK("x")', '', '楼长', '张', '13800000000', '']]),
      /公式/,
    ],
  ])(
    'refuses %s with a clear message and writes nothing',
    async (_name, make, message) => {
      const before = await snapshot(b)
      const content = await make()
      const res = (await importFile(
        content,
        false,
        content[0] === 0x50 ? 'xlsx' : 'csv',
      )) as unknown as Err
      expect(res).toMatchObject({ ok: false, code: 'roster.invalid' })
      expect(res.message).toMatch(message)
      expect(await snapshot(b)).toBe(before)
    },
    60_000,
  )

  it.each([
    [{ fileID: 'http://x/y.xlsx', dryRun: true }, 'input.invalid'],
    [{ fileID: 'cloud://nope/none.xlsx' }, 'input.invalid'],
    [{ fileID: 'cloud://woodpecker-local.x/none.xlsx', dryRun: true }, 'input.invalid'],
    [{ fileID: 42, dryRun: true }, 'input.invalid'],
  ])('answers bad input %j with %s', async (input, code) => {
    await expect(b.callAs(SAFETY, 'admin', 'roster.import', input)).resolves.toMatchObject({
      ok: false,
      code,
    })
  })

  it('lets only the safety office import or export', async () => {
    const fileID = await upload(b, await xlsx(rows))
    for (const who of ['demo-staff', 'demo-building-captain', 'o-stranger']) {
      const res = await b.callAs(who, 'admin', 'roster.import', { fileID, dryRun: true })
      expect(res).toMatchObject({ ok: false })
      expect(['auth.forbidden', 'auth.unknown_user']).toContain((res as Err).code)
      expect(await b.callAs(who, 'admin', 'roster.export', {})).toMatchObject({ ok: false })
    }
  })

  it('exports the roster in the import format, and importing the export changes nothing', async () => {
    for (const format of ['xlsx', 'csv'] as const) {
      const out = await b.okAs<{ url: string; rows: number }>(SAFETY, 'admin', 'roster.export', {
        format,
      })
      expect(out.rows).toBe(rows.length)
      const bytes = Buffer.from(await (await fetch(out.url)).arrayBuffer())
      const before = await snapshot(b)
      const preview = await importFile(bytes, false, format)
      if (!preview.ok) throw new Error(preview.message)
      expect(preview.data).toMatchObject({
        applied: false,
        added: [],
        changed: [],
        handedOver: [],
        removed: [],
        unchanged: rows.length,
      })
      expect(await snapshot(b)).toBe(before)
    }
  })

  it('refuses a deputy 楼长 on the roster page: a building has one', async () => {
    const res = (await b.callAs(SAFETY, 'org', 'duty.assign', {
      kind: 'building_captain',
      buildingId: 'B07',
      deputy: true,
      person: { name: '副楼长', phone: '13900000099', departmentName: '' },
    })) as unknown as Err
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    expect(res.message).toMatch(/楼长没有备岗/)
  })

  it('previews a handover, applies it, keeps the old name on old tickets and routes new ones to the new 层长', async () => {
    // The captain has consented to pushes, so the hazard stays with them meanwhile.
    await b.consent('demo-floor-captain', [TEMPLATE_IDS.assigned])
    const old = await b.okAs<TicketView>('demo-staff', 'ticket', 'create', {
      clientKey: 'roster-handover-0001',
      floorId: 'B07F03',
      categoryId: 'fire-exit',
      photos: [PHOTO],
      description: '交接前的隐患',
    })
    const oldName = old.ownerName
    const i = rows.findIndex((r) => r[0].startsWith('7号楼') && r[1] === '3层' && r[2] === '层长')
    expect(rows[i][3]).toBe(oldName)
    const edited = rows.map((r, j) =>
      j === i ? [r[0], r[1], '层长', '赵新', '13900000001', '总务科'] : r,
    )
    const added = [...edited, ['7号楼（外科大楼）', '3层', '层长(备)', '钱备', '13900000002', '']]
    const before = await snapshot(b)
    const preview = await importFile(await xlsx(added), true)
    if (!preview.ok) throw new Error(preview.message)
    expect(preview.data.applied).toBe(false)
    expect(preview.data.handedOver).toEqual([
      expect.objectContaining({
        role: '层长',
        name: '赵新',
        previous: expect.objectContaining({ name: oldName }),
      }),
    ])
    expect(preview.data.added).toEqual([
      expect.objectContaining({ role: '层长(备)', name: '钱备' }),
    ])
    expect(await snapshot(b)).toBe(before)

    const applied = await importFile(await xlsx(added), false)
    expect(applied).toMatchObject({ ok: true, data: { applied: true } })
    // Importing the same file again is a no-op.
    expect(await importFile(await xlsx(added), false)).toMatchObject({
      ok: true,
      data: { applied: false, handedOver: [], added: [] },
    })
    const [kept] = await docs<{ ownerName: string }>(b, 'tickets', { _id: old.id })
    expect(kept.ownerName).toBe(oldName)
    const fresh = await b.okAs<TicketView>('demo-staff', 'ticket', 'create', {
      clientKey: 'roster-handover-0002',
      floorId: 'B07F03',
      categoryId: 'fire-exit',
      photos: [PHOTO],
      description: '交接后的隐患',
    })
    expect(fresh.ownerName).toBe('赵新')
    const header = await b.okAs<{ captains: Array<{ name: string }> }>(
      'demo-staff',
      'org',
      'floorByScene',
      {
        scene: 'f=B07F03',
      },
    )
    expect(header.captains[0].name).toBe('赵新')
    expect(header.captains.map((c) => c.name)).toContain('钱备')
    expect(header.captains.map((c) => c.name)).not.toContain(oldName)
    const ended = await docs<{ validTo: Date | null; userId: string }>(b, 'duties', {
      floorId: 'B07F03',
      duty: 'floor_captain',
    })
    expect(ended.filter((d) => d.validTo !== null)).toHaveLength(1)
    const audit = await b.okAs<Array<{ kind: string }>>(SAFETY, 'org', 'audit.list', {})
    expect(audit[0].kind).toBe('roster.import')
  }, 30_000)
})

describe('org roster import into an empty roster', () => {
  let b: Backend
  beforeAll(async () => {
    b = await startBackend({ seed: false })
    const { buildHospital } = await import('../../scripts/seed/hospital')
    const data = buildHospital()
    await b.db.collection('buildings').add({ data: data.buildings })
    for (let i = 0; i < data.floors.length; i += 100)
      await b.db.collection('floors').add({ data: data.floors.slice(i, i + 100) })
    await b.db.collection('users').add({
      data: {
        _id: 'u-safety',
        openid: 'safety',
        name: '安全办',
        roles: ['safety_office'],
        active: true,
      },
    })
  }, 60_000)
  afterAll(() => b.stop())

  it('imports a hospital of 29 buildings and 111 floors', async () => {
    const rows = seedRosterRows()
    const fileID = await upload(b, await xlsx(rows))
    const preview = await b.okAs<RosterPreview>('safety', 'admin', 'roster.import', {
      fileID,
      dryRun: true,
    })
    expect(preview.added).toHaveLength(rows.length)
    expect(await docs(b, 'duties')).toHaveLength(0)
    const done = await b.okAs<RosterPreview>('safety', 'admin', 'roster.import', {
      fileID,
      dryRun: false,
    })
    expect(done.applied).toBe(true)
    const duties = await docs<{
      duty: string
      deputy: boolean
      buildingId: string
      floorId?: string
    }>(b, 'duties')
    const count = (duty: string, deputy?: boolean) =>
      duties.filter((d) => d.duty === duty && (deputy === undefined || d.deputy === deputy)).length
    expect(count('building_captain')).toBe(29)
    expect(count('coordinator')).toBe(60)
    expect(count('floor_captain', false)).toBe(111)
    expect(new Set(duties.map((d) => d.buildingId)).size).toBe(29)
    expect(new Set(duties.filter((d) => d.floorId).map((d) => d.floorId)).size).toBe(111)
    const users = await docs<{ openid: string; roles: string[] }>(b, 'users')
    expect(users.filter((u) => u.openid.startsWith('unbound:'))).toHaveLength(
      new Set(rows.map((r) => r[4])).size,
    )
    // The floor's header now names its captain.
    const header = await b.okAs<{ captains: Array<{ name: string }> }>(
      'safety',
      'org',
      'floorByScene',
      {
        scene: 'f=B01F01',
      },
    )
    expect(header.captains[0].name).toBe(
      rows.find((r) => r[0].startsWith('1号楼') && r[1] === '1层' && r[2] === '层长')![3],
    )
  }, 60_000)
})

describe('org roster export → import for what the administration pages produce', () => {
  let b: Backend
  const importFile = async (content: Buffer, dryRun: boolean, ext = 'xlsx') =>
    b.callAs<RosterPreview>(SAFETY, 'admin', 'roster.import', {
      fileID: await upload(b, content, ext),
      dryRun,
    })
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  // States the administration pages produce, one after another; each exports and re-imports as is.
  const pageStates: Array<[string, () => Promise<unknown>, RegExp]> = [
    [
      'a building added in 楼栋与楼层 without its 楼长 yet',
      () => b.okAs(SAFETY, 'org', 'building.save', { name: '新建楼（待任命）', floors: 3 }),
      /新建楼（待任命）.*还没有楼长/,
    ],
    [
      'a floor whose 层长 ended, its 层长(备) still on duty',
      async () => {
        const { duties } = await b.okAs<{
          duties: Array<{ id: string; floorId: string | null; kind: string; deputy: boolean }>
        }>(SAFETY, 'org', 'duties.list', { buildingId: 'B07' })
        const deputyFloor = duties.find((d) => d.kind === 'floor_captain' && d.deputy)!.floorId
        const captain = duties.find(
          (d) => d.kind === 'floor_captain' && !d.deputy && d.floorId === deputyFloor,
        )!
        return b.okAs(SAFETY, 'org', 'duty.end', { id: captain.id })
      },
      /7号楼.*只有层长\(备\)，还没有层长/,
    ],
    [
      'a building whose primary 协管员 ended, a 协管员(备) still on duty',
      async () => {
        const { duties } = await b.okAs<{
          duties: Array<{ id: string; kind: string; deputy: boolean }>
        }>(SAFETY, 'org', 'duties.list', { buildingId: 'B07' })
        expect(duties.some((d) => d.kind === 'coordinator' && d.deputy)).toBe(true)
        const primary = duties.find((d) => d.kind === 'coordinator' && !d.deputy)!
        return b.okAs(SAFETY, 'org', 'duty.end', { id: primary.id })
      },
      /7号楼.*只有协管员\(备\)，还没有主协管员/,
    ],
    [
      'a 层长(备) whose 科室 a spreadsheet would read as a formula',
      () =>
        b.okAs(SAFETY, 'org', 'duty.assign', {
          kind: 'floor_captain',
          buildingId: 'B07',
          floorId: 'B07F03',
          deputy: true,
          person: { name: '孙备', phone: '13900000077', departmentName: '=外包-保洁组' },
        }),
      /还没有楼长/,
    ],
  ]

  it.each(pageStates)(
    'exports and re-imports %s with zero changes, warning about it in the preview',
    async (_state, produce, warning) => {
      await produce()
      for (const format of ['xlsx', 'csv'] as const) {
        const out = await b.okAs<{ url: string }>(SAFETY, 'admin', 'roster.export', { format })
        const bytes = Buffer.from(await (await fetch(out.url)).arrayBuffer())
        const before = await snapshot(b)
        for (const dryRun of [true, false]) {
          const preview = await importFile(bytes, dryRun, format)
          if (!preview.ok) throw new Error(preview.message)
          expect(preview.data).toMatchObject({
            applied: false,
            added: [],
            changed: [],
            handedOver: [],
            removed: [],
          })
          expect(preview.data.warnings.map((w) => w.message)).toEqual(
            expect.arrayContaining([expect.stringMatching(warning)]),
          )
        }
        expect(await snapshot(b)).toBe(before)
      }
    },
  )
})
