// A bulletin as an XLSX workbook (exceljs): the same headline rows as the printed page, then the
// weekly trend, top categories and floors, and the grid as frozen.
import type { Bulletin } from '../../../types/api/stats'
import { figureRows } from '../../../types/stats-figures'

/** The workbook bytes of a bulletin. */
export async function bulletinWorkbook(b: Bulletin): Promise<Buffer> {
  // Loaded on the first export, not with the function: the cockpit's summary never needs it.
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '啄木鸟'
  wb.created = new Date(b.frozenAt)
  const head = wb.addWorksheet('概况')
  head.columns = [
    { header: '指标', key: 'label', width: 22 },
    { header: '数值', key: 'value', width: 16 },
  ]
  head.insertRow(1, [b.title])
  head.insertRow(2, [`统计周期 ${b.from} 至 ${b.to}（${b.summary.scopeName}）`])
  head.getRow(1).font = { bold: true, size: 14 }
  // Figures as numbers (rates as fractions shown as percentages), so the sheet can sum and chart them.
  for (const r of figureRows(b.summary)) {
    const row = head.addRow({ label: r.label, value: r.number ?? r.value })
    if (r.number !== null)
      row.getCell('value').numFmt = r.rate ? '0.00%' : Number.isInteger(r.number) ? '0' : '0.00'
  }
  if (b.summary.rounds) head.addRow({ label: '安全巡查', value: b.summary.rounds.line })

  const trend = wb.addWorksheet('趋势')
  trend.columns = [
    { header: '周（周一）', key: 'week', width: 14 },
    { header: '发现', key: 'found', width: 8 },
    { header: '立行立改', key: 'fixedOnSpot', width: 10 },
    { header: '限期整改', key: 'deferred', width: 10 },
    { header: '已销号', key: 'closed', width: 8 },
  ]
  trend.addRows(b.summary.trend)

  const tops = wb.addWorksheet('类别与楼层')
  tops.columns = [
    { header: '隐患类别', key: 'c', width: 18 },
    { header: '数量', key: 'cn', width: 8 },
    { header: '楼层', key: 'f', width: 28 },
    { header: '数量', key: 'fn', width: 8 },
  ]
  const n = Math.max(b.summary.topCategories.length, b.summary.topFloors.length)
  for (let i = 0; i < n; i++) {
    const c = b.summary.topCategories[i]
    const f = b.summary.topFloors[i]
    tops.addRow({ c: c?.name, cn: c?.count, f: f?.name, fn: f?.count })
  }

  const grid = wb.addWorksheet('网格')
  grid.columns = [
    { header: '楼栋', key: 'b', width: 24 },
    { header: '楼层', key: 'f', width: 8 },
    { header: '未办结', key: 'open', width: 8 },
    { header: '逾期', key: 'overdue', width: 8 },
  ]
  for (const bd of b.grid.buildings)
    for (const f of bd.floors)
      grid.addRow({ b: bd.name, f: f.name, open: f.open, overdue: f.overdue })

  return Buffer.from(await wb.xlsx.writeBuffer())
}
