// 重大事故隐患 as a workbook for a report to the health commission (卫生健康委): one row per hazard,
// with its place, what it is, the 五定 of its rectification plan, its state and its sign-offs.
import { GRADE_LABELS, SIGNOFF_SIDES, type Signoff } from '../../../types/grade'
import { STATE_LABELS } from '../../../types/ticket'
import { hospitalClock } from '../../../types/deadline'
import type { TicketDoc } from '../ticket/domain/ticket'

/** The sheet's columns in order: the header a reader sees and the key a row fills. */
export const MAJOR_COLUMNS = [
  ['序号', 'n', 6],
  ['隐患编号', 'id', 12],
  ['发现时间', 'found', 17],
  ['隐患部位', 'place', 26],
  ['隐患类别', 'category', 14],
  ['隐患描述', 'description', 30],
  ['隐患等级', 'grade', 10],
  ['责任人（定责任）', 'responsible', 14],
  ['整改措施（定措施）', 'measures', 30],
  ['整改资金（元）（定资金）', 'funds', 14],
  ['整改时限（定时限）', 'deadline', 17],
  ['应急预案（定预案）', 'contingency', 30],
  ['责任部门', 'department', 14],
  ['整改状态', 'state', 14],
  ['安全办销号', 'safetySignoff', 22],
  ['院领导销号', 'leaderSignoff', 22],
] as const

type Key = (typeof MAJOR_COLUMNS)[number][1]

const signoffOf = (t: TicketDoc, side: Signoff['side']): string => {
  const s = (t.signoffs ?? []).find((x) => x.side === side)
  return s ? `${s.name} ${hospitalClock(s.at)}` : ''
}

/** One hazard's row of the report. */
export function majorRow(t: TicketDoc, n: number): Record<Key, string | number> {
  const plan = t.majorPlan
  return {
    n,
    id: t._id.slice(0, 8),
    found: hospitalClock(t.createdAt),
    place: t.spot ? `${t.place} ${t.spot}` : t.place,
    category: t.categoryName,
    description: t.description,
    grade: GRADE_LABELS[t.grade ?? 'general'],
    responsible: plan?.responsibleName ?? '',
    measures: plan?.measures ?? '',
    funds: plan?.funds ?? '',
    deadline: plan?.deadline ? hospitalClock(plan.deadline) : '',
    contingency: plan?.contingency ?? '',
    department: t.departmentName ?? '',
    state: STATE_LABELS[t.status],
    safetySignoff: signoffOf(t, 'safety'),
    leaderSignoff: signoffOf(t, 'leader'),
  }
}

/** The workbook bytes of the 重大 hazards, titled with the hospital and the moment of export. */
export async function majorWorkbook(
  hospitalName: string,
  tickets: readonly TicketDoc[],
  at: Date,
): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs')
  const wb = new ExcelJS.Workbook()
  wb.creator = '啄木鸟'
  wb.created = at
  const sheet = wb.addWorksheet('重大事故隐患')
  sheet.columns = MAJOR_COLUMNS.map(([header, key, width]) => ({ header, key, width }))
  sheet.insertRow(1, [`${hospitalName} 重大事故隐患排查治理情况表`])
  sheet.insertRow(2, [
    `导出时间 ${hospitalClock(at)}，共 ${tickets.length} 项（${Object.values(SIGNOFF_SIDES).join('、')}双签销号）`,
  ])
  sheet.getRow(1).font = { bold: true, size: 14 }
  sheet.getRow(3).font = { bold: true }
  tickets.forEach((t, i) => {
    const row = sheet.addRow(majorRow(t, i + 1))
    if (typeof row.getCell('funds').value === 'number') row.getCell('funds').numFmt = '0.00'
  })
  return Buffer.from(await wb.xlsx.writeBuffer())
}
