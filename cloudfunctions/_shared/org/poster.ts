// The floor notice-board poster (楼层公示牌): one A4 page per floor, laid out from plain data.
// Drawn on a document from pdf.ts (pdfkit and the embedded CJK font).
import { openPdf, type PdfFonts } from './pdf'

export interface PosterPerson {
  name: string
  phone: string
}

/** What one page shows. */
export interface PosterPage {
  hospital: string
  building: string
  floor: string
  captain: PosterPerson | null
  deputies: PosterPerson[]
  coordinators: PosterPerson[]
  buildingCaptain: PosterPerson | null
  /** The floor's mini-program code as PNG bytes. */
  code: Buffer
  scene: string
  date: string
  version: string
}

const GREEN = '#0f7b6c'
const INK = '#1f2329'
const MUTED = '#646a73'

/** Renders the pages into one PDF; `fonts` are paths to TTF/OTF files shipped with the function. */
export async function renderPosters(pages: PosterPage[], fonts: PdfFonts): Promise<Buffer> {
  const { doc, bytes } = await openPdf(
    { title: '楼层安全公示牌', author: pages[0]?.hospital ?? '', margin: 0, autoFirstPage: false },
    fonts,
  )
  for (const page of pages) drawPage(doc, page)
  doc.end()
  return bytes
}

function drawPage(doc: PDFKit.PDFDocument, p: PosterPage): void {
  doc.addPage({ size: 'A4', margin: 0 })
  const W = doc.page.width
  const H = doc.page.height
  const M = 48

  doc.rect(0, 0, W, 112).fill(GREEN)
  doc.fillColor('#ffffff').font('regular').fontSize(16)
  doc.text(p.hospital || '医院', M, 26, { width: W - 2 * M, align: 'center' })
  doc.font('bold').fontSize(34)
  doc.text('楼层安全公示牌', M, 52, { width: W - 2 * M, align: 'center', characterSpacing: 4 })

  doc.fillColor(INK).font('regular').fontSize(22)
  doc.text(p.building, M, 140, { width: W - 2 * M, align: 'center' })
  doc.font('bold').fontSize(54)
  doc.text(p.floor, M, 172, { width: W - 2 * M, align: 'center' })

  let y = 262
  const rows: Array<[string, PosterPerson | null]> = [
    ['层长', p.captain],
    ...p.deputies.map((d): [string, PosterPerson] => ['层长（备）', d]),
    ...(p.coordinators.length ? p.coordinators : [null]).map((c): [string, PosterPerson | null] => [
      '协管员',
      c,
    ]),
    ['楼长', p.buildingCaptain],
  ]
  const rowH = rows.length > 6 ? 26 : 32
  doc.lineWidth(1).strokeColor('#d0d3d6')
  doc.roundedRect(M, y - 10, W - 2 * M, rows.length * rowH + 20, 8).stroke()
  for (const [label, person] of rows) {
    doc
      .fillColor(GREEN)
      .font('bold')
      .fontSize(rowH > 28 ? 17 : 15)
    doc.text(label, M + 20, y + 4, { width: 110 })
    doc.fillColor(INK).font('regular')
    doc.text(person?.name ?? '（待定）', M + 140, y + 4, { width: 150 })
    doc.text(person?.phone ?? '', M + 300, y + 4, { width: W - 2 * M - 320, align: 'right' })
    y += rowH
  }

  const qrSize = 210
  const qrY = Math.max(y + 40, 480)
  doc.image(p.code, (W - qrSize) / 2, qrY, { width: qrSize, height: qrSize })
  doc.fillColor(GREEN).font('bold').fontSize(28)
  doc.text('发现隐患 扫码随手拍', M, qrY + qrSize + 14, { width: W - 2 * M, align: 'center' })
  doc.fillColor(MUTED).font('regular').fontSize(12)
  doc.text('微信扫一扫，拍照上报，层长第一时间处理', M, qrY + qrSize + 54, {
    width: W - 2 * M,
    align: 'center',
  })

  doc
    .moveTo(M, H - 56)
    .lineTo(W - M, H - 56)
    .strokeColor('#e5e6eb')
    .stroke()
  doc.fillColor(MUTED).fontSize(10)
  doc.text(`更新日期 ${p.date}    版本 ${p.version}    ${p.scene}`, M, H - 44, {
    width: W - 2 * M,
    align: 'center',
  })
}
