// The round's report as a PDF: the posters' PDF stack (pdfkit, loaded on first use) and their
// embedded CJK font. Served by the `admin` function only, so no function a phone waits on loads it.
import { randomBytes } from 'node:crypto'
import type { Routes } from '../runtime'
import {
  ANSWER_LABELS,
  RECURRENCE_LABELS,
  type FloorReport,
  type RoundReport,
} from '../../../types/api/rounds'
import { hospitalTime } from '../../../types/time'
import { getSettings } from '../runtime/settings-store'
import { storeForDownload } from '../media/files'
import { posterFonts } from '../org/posters'
import { openPdf, type PdfFonts } from '../org/pdf'
import { roundReport } from './report'

const GREEN = '#0f7b6c'
const INK = '#1f2329'
const MUTED = '#646a73'
const COLUMNS: Array<[string, (f: FloorReport) => string | number]> = [
  ['楼层', (f) => f.floorName],
  ['已查', (f) => f.checked],
  [ANSWER_LABELS.pass, (f) => f.passed],
  [ANSWER_LABELS.fail, (f) => f.failed],
  ['立行立改', (f) => f.fixedOnSpot],
  ['尚未整改', (f) => f.stillOpen],
  [ANSWER_LABELS.na, (f) => f.na],
]

/** Renders a round's report into an A4 PDF. */
export async function renderRoundReport(
  report: RoundReport,
  hospital: string,
  fonts: PdfFonts,
): Promise<Buffer> {
  const { doc, bytes } = await openPdf(
    { title: '安全巡查报告', author: hospital, margin: 48 },
    fonts,
  )
  const r = report.round
  const W = doc.page.width - 96
  doc
    .fillColor(GREEN)
    .font('bold')
    .fontSize(22)
    .text(`${hospital} 安全巡查报告`, { align: 'center' })
  doc.moveDown(0.5).fillColor(INK).font('regular').fontSize(12)
  doc.text(`巡查：${r.buildingName} · ${r.templateName}（第 ${r.templateVersion ?? '—'} 版）`)
  doc.text(`日期：${r.date}（${RECURRENCE_LABELS[r.recurrence]}） 状态：${r.statusLabel}`)
  doc.text(
    `带队：${r.leader.name}${r.participants.length ? `  参加：${r.participants.map((p) => p.name).join('、')}` : ''}`,
  )
  const t = report.totals
  doc.moveDown(0.5).font('bold')
  doc.text(
    `共检查 ${t.checked} 项，合格 ${t.passed} 项，发现隐患 ${t.failed} 项，立行立改 ${t.fixedOnSpot} 项，尚未整改 ${t.stillOpen} 项`,
  )
  doc.moveDown(0.8)
  const colW = W / COLUMNS.length
  const row = (cells: Array<string | number>, bold = false) => {
    const y = doc.y
    doc
      .font(bold ? 'bold' : 'regular')
      .fontSize(11)
      .fillColor(INK)
    cells.forEach((c, i) => doc.text(String(c), 48 + i * colW, y, { width: colW, align: 'center' }))
    doc
      .moveTo(48, doc.y + 2)
      .lineTo(48 + W, doc.y + 2)
      .strokeColor('#dee0e3')
      .stroke()
    doc.y += 6
  }
  row(
    COLUMNS.map(([h]) => h),
    true,
  )
  for (const f of report.floors) row(COLUMNS.map(([, get]) => get(f)))
  doc.x = 48
  for (const f of report.floors.filter((x) => x.findings.length)) {
    doc.moveDown(0.6).font('bold').fontSize(12).fillColor(INK).text(`${f.floorName} 发现的隐患`, 48)
    doc.font('regular').fontSize(10).fillColor(MUTED)
    for (const x of f.findings)
      doc.text(
        `· ${x.itemText}（${x.grade === 'major' ? '重大' : '一般'}）— ${x.fixedOnSpot ? '已立行立改' : x.statusLabel}`,
        { width: W },
      )
  }
  doc
    .moveDown(1)
    .fontSize(9)
    .fillColor(MUTED)
    .text(`生成时间：${hospitalTime(new Date()).format('YYYY-MM-DD HH:mm')}`, { align: 'right' })
  doc.end()
  return bytes
}

/** The `admin` function's round report download (whoever may read the round). */
export const roundPdfRoutes: Pick<Routes<'admin'>, 'rounds.pdf'> = {
  'rounds.pdf': async ({ id }, ctx) => {
    const [report, settings] = await Promise.all([roundReport(ctx, id), getSettings(ctx.db)])
    const pdf = await renderRoundReport(report, settings.name, posterFonts())
    return storeForDownload(
      ctx,
      `rounds/${id}-${report.round.date}-${randomBytes(4).toString('hex')}.pdf`,
      pdf,
    )
  },
}
