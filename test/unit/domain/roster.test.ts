// The roster rules, table-driven: which rows are refused (by row and column), and how a valid file
// compares with the roster in force (added, changed, handed over, removed).
import {
  checkHeader,
  normalisePhone,
  parseRole,
  planRoster,
  rosterRows,
  validateRoster,
  type CurrentAssignment,
  type PlaceSnapshot,
  type RosterRow,
} from '../../../cloudfunctions/_shared/org/domain/roster'
import { rolesFor } from '../../../cloudfunctions/_shared/org/people'

const places: PlaceSnapshot = {
  buildings: [
    { id: 'B1', name: '1号楼', code: 'B1' },
    { id: 'B2', name: '2号楼' },
  ],
  floors: [
    { id: 'B1F1', buildingId: 'B1', name: '1层' },
    { id: 'B1F2', buildingId: 'B1', name: '2层' },
    { id: 'B2F1', buildingId: 'B2', name: '1层' },
  ],
}

const row = (n: number, cells: string[]): RosterRow => ({
  row: n,
  楼栋: cells[0],
  楼层: cells[1],
  角色: cells[2],
  姓名: cells[3],
  手机: cells[4],
  科室: cells[5] ?? '',
})

const GOOD = [
  ['1号楼', '', '楼长', '王楼长', '13800000001', '总务科'],
  ['1号楼', '', '协管员', '李协管', '13800000002', ''],
  ['1号楼', '', '协管员', '赵协管', '13800000003', ''],
  ['1号楼', '1层', '层长', '张一', '13800000004', ''],
  ['1号楼', '1层', '层长(备)', '张备', '13800000005', ''],
  ['1号楼', '2层', '层长', '张二', '13800000006', ''],
  ['2号楼', '', '楼长', '陈楼长', '13800000007', ''],
  ['2号楼', '1层', '层长', '陈一', '13800000008', ''],
]
const rowsOf = (cells: string[][]) => cells.map((c, i) => row(i + 2, c))
const edit = (i: number, col: number, value: string) =>
  GOOD.map((r, j) => (j === i ? r.map((c, k) => (k === col ? value : c)) : r))

describe('validateRoster', () => {
  it('accepts a good roster; the first 协管员 of a building is primary', () => {
    const { assignments, issues } = validateRoster(rowsOf(GOOD), places)
    expect(issues).toEqual([])
    expect(assignments).toHaveLength(8)
    expect(assignments.filter((a) => a.kind === 'coordinator').map((a) => a.deputy)).toEqual([
      false,
      true,
    ])
  })

  it.each([
    ['an unknown building', edit(3, 0, '9号楼'), 5, '楼栋'],
    ['an empty building', edit(3, 0, ''), 5, '楼栋'],
    ['an unknown floor', edit(3, 1, '9层'), 5, '楼层'],
    ['a 层长 without floor', edit(3, 1, ''), 5, '楼层'],
    ['an unknown role', edit(3, 2, '队长'), 5, '角色'],
    ['a bad mobile', edit(3, 4, '1380000'), 5, '手机'],
    ['a landline', edit(3, 4, '021-12345678'), 5, '手机'],
    ['an empty name', edit(3, 3, ''), 5, '姓名'],
    ['a name too long', edit(3, 3, '张'.repeat(21)), 5, '姓名'],
    ['two 层长 on a floor', edit(4, 2, '层长'), 6, '角色'],
    ['two 楼长 in a building', edit(1, 2, '楼长'), 3, '角色'],
    ['the same phone under two names', edit(5, 4, '13800000004'), 7, '手机'],
    ['a duplicated row', [...GOOD, GOOD[3]], 10, '姓名'],
    ['the same 协管员 twice', [...GOOD, GOOD[1]], 10, '姓名'],
  ])('refuses %s at its row and column', (_what, cells, rowNo, column) => {
    const { issues } = validateRoster(rowsOf(cells), places)
    expect(issues).toEqual(
      expect.arrayContaining([expect.objectContaining({ row: rowNo, column })]),
    )
  })

  // What the administration pages can leave behind is accepted, with a warning naming it.
  it.each([
    ['a building without 楼长', GOOD.filter((_r, i) => i !== 6), [[8, /2号楼.*没有楼长/]]],
    ['a building missing from the file', GOOD.slice(0, 6), [[null, /2号楼.*没有楼长/]]],
    ['a floor with only 层长(备)', edit(5, 2, '层长(备)'), [[7, /1号楼 2层.*只有层长\(备\)/]]],
    [
      'a building with only 协管员(备)',
      GOOD.map((r, i) =>
        i === 1 || i === 2 ? [...r.slice(0, 2), '协管员(备)', ...r.slice(3)] : r,
      ),
      [[3, /1号楼.*只有协管员\(备\)/]],
    ],
    ['a complete roster', GOOD, []],
  ] as Array<[string, string[][], Array<[number | null, RegExp]>]>)(
    'accepts %s, with its warnings',
    (_what, cells, expected) => {
      const { issues, warnings } = validateRoster(rowsOf(cells), places)
      expect(issues).toEqual([])
      expect(warnings.map((w) => w.row)).toEqual(expected.map(([row]) => row))
      warnings.forEach((w, i) => expect(w.message).toMatch(expected[i][1]))
    },
  )

  it('keeps a 协管员(备) a deputy wherever it stands, and the first 协管员 primary', () => {
    const cells = [
      GOOD[0],
      ['1号楼', '', '协管员(备)', '周备', '13800000009', ''],
      ...GOOD.slice(1),
    ]
    const { assignments, issues } = validateRoster(rowsOf(cells), places)
    expect(issues).toEqual([])
    expect(
      assignments.filter((a) => a.kind === 'coordinator').map((a) => [a.name, a.deputy]),
    ).toEqual([
      ['周备', true],
      ['李协管', false],
      ['赵协管', true],
    ])
  })

  it('accepts one person as 层长 and 层长(备) of a floor, as the roster page allows', () => {
    const cells = [...GOOD, ['1号楼', '1层', '层长(备)', '张一', '13800000004', '']]
    expect(validateRoster(rowsOf(cells), places).issues).toEqual([])
  })

  it("reads a building's name before another building's code", () => {
    const clash: PlaceSnapshot = {
      buildings: [
        { id: 'B1', name: '1号楼', code: 'B2' },
        { id: 'B2', name: 'B2', code: 'B9' },
      ],
      floors: [],
    }
    const { assignments } = validateRoster(
      rowsOf([['B2', '', '楼长', '王', '13800000001', '']]),
      clash,
    )
    expect(assignments[0].buildingId).toBe('B2')
  })

  it.each([
    ['楼长', { kind: 'building_captain', deputy: false }],
    ['协管员', { kind: 'coordinator', deputy: false }],
    ['协管员(备)', { kind: 'coordinator', deputy: true }],
    ['协管员（备）', { kind: 'coordinator', deputy: true }],
    ['层长', { kind: 'floor_captain', deputy: false }],
    ['层长(备)', { kind: 'floor_captain', deputy: true }],
    ['层长（备）', { kind: 'floor_captain', deputy: true }],
    [' 层长 ', { kind: 'floor_captain', deputy: false }],
    ['保安', null],
  ])('reads the role %s', (text, expected) => {
    expect(parseRole(text)).toEqual(expected)
  })

  it.each([
    ['138 0000 0001', '13800000001'],
    ['+8613800000001', '13800000001'],
    ['138-0000-0001', '13800000001'],
  ])('normalises the phone %s', (text, expected) => {
    expect(normalisePhone(text)).toBe(expected)
  })

  it('checks the header column by column', () => {
    expect(checkHeader(['楼栋', '楼层', '角色', '姓名', '手机', '科室'])).toEqual([])
    expect(checkHeader(['楼栋', '楼层', '职务', '姓名', '手机']).map((i) => i.column)).toEqual([
      '角色',
      '科室',
    ])
  })
})

describe('planRoster', () => {
  const current = (): CurrentAssignment[] =>
    validateRoster(rowsOf(GOOD), places).assignments.map((a, i) => ({
      dutyId: `d${i}`,
      kind: a.kind,
      buildingId: a.buildingId,
      floorId: a.floorId,
      deputy: a.deputy,
      userId: `u${a.phone}`,
      name: a.name,
      phone: a.phone,
      departmentName: a.departmentName,
    }))
  const users = () =>
    current().map((c) => ({
      id: c.userId,
      name: c.name,
      phone: c.phone,
      departmentName: c.departmentName,
    }))
  const plan = (cells: string[][]) =>
    planRoster(validateRoster(rowsOf(cells), places).assignments, current(), users(), places)

  it('finds nothing to do when the file is the roster in force', () => {
    const p = plan(GOOD)
    expect([p.added, p.changed, p.handedOver, p.removed, p.start, p.end]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ])
    expect(p.unchanged).toBe(8)
  })

  it.each([
    [
      'a new person on a floor: handover',
      edit(3, 3, '孙新').map((r, i) => (i === 3 ? [...r.slice(0, 4), '13900000009', ''] : r)),
      { handedOver: 1, end: 1, start: 1 },
    ],
    [
      'a new deputy: added',
      [...GOOD, ['1号楼', '2层', '层长(备)', '钱备', '13900000010', '']],
      { added: 1, start: 1 },
    ],
    ['a deputy dropped: removed', GOOD.filter((_r, i) => i !== 4), { removed: 1, end: 1 }],
    ['a renamed person: changed', edit(3, 3, '张一一'), { changed: 1 }],
    ['a new department: changed', edit(3, 5, '护理部'), { changed: 1 }],
    [
      'the same person, new phone: changed, duty kept',
      edit(3, 4, '13900000011'),
      { changed: 1, phoneChanges: 1 },
    ],
  ])('%s', (_what, cells, counts) => {
    const p = plan(cells)
    const got = {
      added: p.added.length,
      changed: p.changed.length,
      handedOver: p.handedOver.length,
      removed: p.removed.length,
      start: p.start.length,
      end: p.end.length,
      phoneChanges: p.phoneChanges.length,
    }
    expect(got).toEqual({
      added: 0,
      changed: 0,
      handedOver: 0,
      removed: 0,
      start: 0,
      end: 0,
      phoneChanges: 0,
      ...counts,
    })
  })

  it('writes a roster with only deputies back as rows that plan to nothing', () => {
    const deputiesOnly = current()
      .filter((c) => !(c.kind === 'coordinator' && !c.deputy))
      .filter((c) => !(c.kind === 'floor_captain' && c.floorId === 'B1F1' && !c.deputy))
      .filter((c) => c.kind !== 'building_captain' || c.buildingId !== 'B2')
    const rows = rosterRows(deputiesOnly, places)
    const checked = validateRoster(rowsOf(rows), places)
    expect(checked.issues).toEqual([])
    expect(checked.warnings).toHaveLength(3)
    const p = planRoster(checked.assignments, deputiesOnly, users(), places)
    expect([p.added, p.changed, p.handedOver, p.removed, p.start, p.end]).toEqual([
      [],
      [],
      [],
      [],
      [],
      [],
    ])
  })

  it('writes the roster back as rows that plan to nothing', () => {
    const rows = rosterRows(current(), places)
    expect(rows[0]).toEqual(['1号楼', '', '楼长', '王楼长', '13800000001', '总务科'])
    const p = plan(rows)
    expect(p.start).toEqual([])
    expect(p.end).toEqual([])
  })
})

describe('rolesFor', () => {
  it.each([
    [['staff'], ['floor_captain'], ['floor_captain', 'staff']],
    [['floor_captain', 'staff'], [], ['staff']],
    [['building_captain'], [], ['staff']],
    [['safety_office', 'coordinator'], ['coordinator'], ['coordinator', 'safety_office']],
  ])('roles %j with duties %j → %j', (roles, kinds, expected) => {
    expect(rolesFor(roles, kinds).sort()).toEqual(expected.sort())
  })
})
