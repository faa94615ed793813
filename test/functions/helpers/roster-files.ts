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

/** Every document of a collection matching `where` (read page by page, in `_id` order). */
export async function docs<T>(b: Backend, collection: string, where: object = {}): Promise<T[]> {
  const out: T[] = []
  let last: string | undefined
  for (;;) {
    const q = last === undefined ? where : { ...where, _id: b.db.command.gt(last) }
    const res = (await b.db
      .collection(collection)
      .where(q)
      .orderBy('_id', 'asc')
      .limit(1000)
      .get()) as unknown as { data: Array<T & { _id: string }> }
    out.push(...res.data)
    if (res.data.length < 1000) return out
    last = res.data[res.data.length - 1]._id
  }
}

/**
 * A hospital of `buildings` buildings with `floors` floors each (ids `H01`, `H01F01` …), and its
 * roster as `rows` spreadsheet rows: per building a 楼长, a 协管员 and a 协管员(备), then a 层长 and a
 * 层长(备) per floor, cut at `rows`. Every row is a different person.
 */
export function syntheticHospital(buildings: number, floors: number, rows: number) {
  const pad = (n: number) => String(n).padStart(2, '0')
  const bDocs = Array.from({ length: buildings }, (_x, i) => ({
    _id: `H${pad(i + 1)}`,
    code: `H${pad(i + 1)}`,
    name: `${i + 1}号楼（测试）`,
    order: i + 1,
    active: true,
  }))
  const fDocs = bDocs.flatMap((bd) =>
    Array.from({ length: floors }, (_x, j) => ({
      _id: `${bd._id}F${pad(j + 1)}`,
      buildingId: bd._id,
      name: `${j + 1}层`,
      level: j + 1,
      scene: `f=${bd._id}F${pad(j + 1)}`,
      active: true,
    })),
  )
  const all: string[][] = []
  let n = 0
  const person = (): [string, string, string] => {
    n++
    return [`员工${n}`, String(13500000000 + n), n % 3 ? `科室${n % 17}` : '']
  }
  for (const bd of bDocs) {
    all.push([bd.name, '', '楼长', ...person()])
    all.push([bd.name, '', '协管员', ...person()])
    all.push([bd.name, '', '协管员(备)', ...person()])
    for (let j = 1; j <= floors; j++) all.push([bd.name, `${j}层`, '层长', ...person()])
    for (let j = 1; j <= floors; j++) all.push([bd.name, `${j}层`, '层长(备)', ...person()])
  }
  if (all.length < rows) throw new Error(`only ${all.length} rows fit this hospital`)
  return { buildings: bDocs, floors: fDocs, rows: all.slice(0, rows) }
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
