// A bulletin's spreadsheet keeps figures as numbers (rates as fractions shown as percentages), so a
// reader can sum and chart them; only a figure without data is text (—).
import ExcelJS from 'exceljs'
import { bulletinWorkbook } from '../../../cloudfunctions/_shared/stats/xlsx'
import type { Bulletin } from '../../../types/api/stats'

const bulletin: Bulletin = {
  id: 'weekly-2026-03-02',
  kind: 'weekly',
  number: 1,
  title: '安全隐患周报 第 1 期',
  from: '2026-03-02',
  to: '2026-03-08',
  frozenAt: '2026-03-09T00:00:30.000Z',
  summary: {
    from: '2026-03-02',
    to: '2026-03-08',
    buildingId: null,
    scopeName: '全院',
    found: 161,
    fixedOnSpot: 141,
    fixedOnSpotRate: 141 / 161,
    deferred: 20,
    closed: 18,
    open: 2,
    overdue: 1,
    onTimeRate: 0.9,
    reopenRate: null,
    mttaMinutes: 12.5,
    mttrMinutes: 95,
    satisfaction: { rate: 0.9248, mean: 4.6, count: 133 },
    topCategories: [{ id: 'fire-exit', name: '消防通道', count: 40 }],
    topFloors: [{ id: 'B07F03', name: '7号楼 3层', count: 9 }],
    trend: [{ week: '2026-03-02', found: 161, fixedOnSpot: 141, deferred: 20, closed: 18 }],
  },
  grid: {
    buildings: [
      {
        id: 'B07',
        name: '7号楼',
        open: 2,
        overdue: 1,
        floors: [{ id: 'B07F03', name: '3层', level: 3, open: 2, overdue: 1 }],
      },
    ],
  },
}

describe('bulletin workbook', () => {
  let wb: ExcelJS.Workbook
  const figures = new Map<string, ExcelJS.Cell>()
  beforeAll(async () => {
    wb = new ExcelJS.Workbook()
    await wb.xlsx.load((await bulletinWorkbook(bulletin)) as unknown as ArrayBuffer)
    wb.getWorksheet('概况')!.eachRow((row) =>
      figures.set(String(row.getCell(1).value), row.getCell(2)),
    )
  })

  it.each([
    ['发现隐患', 161, '0'],
    ['立行立改', 141, '0'],
    ['立行立改率', 141 / 161, '0.00%'],
    ['限期整改', 20, '0'],
    ['按期整改率', 0.9, '0.00%'],
    ['平均响应（分钟）', 12.5, '0.00'],
    ['满意度', 0.9248, '0.00%'],
    ['评价数', 133, '0'],
    ['平均评分', 4.6, '0.00'],
  ])('stores %s as the number %d (format %s)', (label, value, numFmt) => {
    const cell = figures.get(label)!
    expect(typeof cell.value).toBe('number')
    expect(cell.value).toBeCloseTo(value, 6)
    expect(cell.numFmt).toBe(numFmt)
  })

  it('writes a figure without data as —', () => {
    expect(figures.get('重新打开率')!.value).toBe('—')
  })

  it.each([
    ['趋势', [161, 141, 20, 18]],
    ['类别与楼层', [40, 9]],
    ['网格', [2, 1]],
  ] as const)('keeps the counts of %s as numbers', (sheet, expected) => {
    const row = wb.getWorksheet(sheet)!.getRow(2)
    const values = (row.values as unknown[]).filter((v) => typeof v === 'number')
    expect(values).toEqual(expected)
  })
})
