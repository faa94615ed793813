// Roster spreadsheets for tests: the seed's roster as rows, written as XLSX or CSV, and uploaded.
import ExcelJS from 'exceljs'
import { buildHospital } from '../../../scripts/seed/hospital'
import type { Backend } from './backend'

export const HEADER = ['楼栋', '楼层', '角色', '姓名', '手机', '科室']

/** The demo hospital's roster as spreadsheet rows (what export should produce, in some order). */
export function seedRosterRows(): string[][] {
  const data = buildHospital()
  const building = new Map(data.buildings.map((b) => [b._id, String(b.name)]))
  const floor = new Map(data.floors.map((f) => [f._id, f]))
  const user = new Map(data.users.map((u) => [u._id, u]))
  const rows: string[][] = []
  for (const d of data.duties) {
    const u = user.get(String(d.userId))!
    const kind = String(d.duty)
    if (!['building_captain', 'coordinator', 'floor_captain'].includes(kind)) continue
    const f = d.floorId ? floor.get(String(d.floorId)) : undefined
    const b = building.get(String(f ? f.buildingId : d.buildingId))!
    const role =
      kind === 'building_captain'
        ? '楼长'
        : kind === 'coordinator'
          ? '协管员'
          : d.deputy
            ? '层长(备)'
            : '层长'
    rows.push([
      b,
      f ? String(f.name) : '',
      role,
      String(u.name),
      String(u.phone),
      String(u.departmentName),
    ])
  }
  return rows
}

/** An XLSX workbook with the header and rows; `edit` may add formulas or merges. */
export async function xlsx(
  rows: Array<Array<string | number>>,
  edit?: (ws: ExcelJS.Worksheet) => void,
  header = HEADER,
): Promise<Buffer> {
  const wb = new ExcelJS.Workbook()
  const ws = wb.addWorksheet('名册')
  ws.addRow(header)
  for (const r of rows) ws.addRow(r)
  edit?.(ws)
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/** A UTF-8 CSV with the header and rows. */
export function csv(rows: string[][], header = HEADER): Buffer {
  return Buffer.from([header, ...rows].map((r) => r.join(',')).join('\n'), 'utf8')
}

let n = 0
/** Uploads bytes to the emulator's storage and returns the cloud:// id. */
export async function upload(b: Backend, content: Buffer, ext = 'xlsx'): Promise<string> {
  const res = (await b.sdk.uploadFile({
    cloudPath: `test-uploads/${Date.now()}-${n++}.${ext}`,
    fileContent: content,
  })) as { fileID: string }
  return res.fileID
}

/** The documents of a collection (up to 1000) matching `where`. */
export async function docs<T>(b: Backend, collection: string, where: object = {}): Promise<T[]> {
  const res = (await b.db.collection(collection).where(where).limit(1000).get()) as unknown as {
    data: T[]
  }
  return res.data
}

/** An XLSX whose first sheet has `count` rows, written as XML directly (exceljs is slow at this size). */
export async function hugeXlsx(count: number): Promise<Buffer> {
  const JSZip = (await import('jszip')).default
  const zip = await JSZip.loadAsync(await xlsx([]))
  const path = 'xl/worksheets/sheet1.xml'
  const xml = await zip.file(path)!.async('string')
  const rows: string[] = []
  for (let i = 2; i < count + 2; i++)
    rows.push(
      `<row r="${i}"><c r="A${i}" t="inlineStr"><is><t>1号楼</t></is></c><c r="C${i}" t="inlineStr"><is><t>楼长</t></is></c><c r="E${i}"><v>${13800000000 + i}</v></c></row>`,
    )
  zip.file(path, xml.replace('</sheetData>', `${rows.join('')}</sheetData>`))
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' })
}
