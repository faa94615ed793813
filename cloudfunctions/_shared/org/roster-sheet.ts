// Reads a roster spreadsheet (XLSX or CSV) into text rows, with bounded work: the file's size, its
// unzipped size and a coarse line count are checked before exceljs parses it, and the row limit on
// the rows parsed; formulas and merged cells are refused by row and column.
import type ExcelJS from 'exceljs'
import type JSZip from 'jszip'
import { Readable } from 'node:stream'
import { MAX_ROSTER_FILE_BYTES } from '../../../types/api/media'
import { ROSTER_COLUMNS, type RosterIssue } from './domain/roster'

/** exceljs, loaded on first use (deferred by the build: a cold start does not parse it). */
async function excel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default
}

export const MAX_FILE_BYTES = MAX_ROSTER_FILE_BYTES
export const MAX_ROWS = 2000
const MAX_UNZIPPED_BYTES = 40 * 1024 * 1024
/**
 * Physical lines (CSV) or `<row>` elements (XLSX) worth parsing at all. Generous on purpose: quoted
 * line breaks and blank or formatted-but-empty rows make them more than the rows that count, and
 * those are counted exactly after parsing.
 */
const MAX_RAW_ROWS = 10 * MAX_ROWS

/** The refusal of a sheet with more data rows than a roster may have. */
export function tooManyRows(rows: number): string {
  return `行数过多：这个文件有 ${rows.toLocaleString('en-US')} 行人员，名册最多 ${MAX_ROWS.toLocaleString('en-US')} 行（不含表头）`
}

/** The outcome of reading a sheet: its rows (cells as text, 1-based row numbers) or the issues. */
export type SheetResult =
  { ok: true; rows: Array<{ row: number; cells: string[] }> } | { ok: false; issues: RosterIssue[] }

const fail = (message: string, row: number | null = null, column: string | null = null) => ({
  ok: false as const,
  issues: [{ row, column: column as RosterIssue['column'], message }],
})

/** Parses the bytes of an uploaded roster; the kind is sniffed from the bytes, not the name. */
export async function readRosterSheet(bytes: Buffer): Promise<SheetResult> {
  if (bytes.length === 0) return fail('文件是空的')
  if (bytes.length > MAX_FILE_BYTES)
    return fail(
      `文件过大（${(bytes.length / 1024 / 1024).toFixed(1)} MB），名册文件不能超过 ${MAX_FILE_BYTES / 1024 / 1024} MB`,
    )
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b
  const sheet = await (isZip ? readXlsx(bytes) : readCsv(bytes))
  // The limit is on the rows that count (non-empty, under the header), however the file ends.
  if (sheet.ok && sheet.rows.length - 1 > MAX_ROWS) return fail(tooManyRows(sheet.rows.length - 1))
  return sheet
}

async function readXlsx(bytes: Buffer): Promise<SheetResult> {
  const { default: Zip } = await import('jszip')
  let zip: JSZip
  try {
    zip = await Zip.loadAsync(bytes)
  } catch {
    return fail('无法读取这个文件：请上传 .xlsx 或 .csv 格式的名册')
  }
  let unzipped = 0
  zip.forEach((_path, entry) => {
    unzipped +=
      (entry as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0
  })
  if (unzipped > MAX_UNZIPPED_BYTES) return fail('文件内容过大，请只保留名册这一张表')
  const sheetPath = Object.keys(zip.files)
    .filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p))
    .sort((a, b) => Number(a.match(/\d+/)![0]) - Number(b.match(/\d+/)![0]))[0]
  if (!sheetPath) return fail('文件里没有工作表：请上传 .xlsx 或 .csv 格式的名册')
  const xml = await zip.file(sheetPath)!.async('string')
  const rowCount = (xml.match(/<row[\s>]/g) ?? []).length
  if (rowCount > MAX_RAW_ROWS + 1) return fail(tooManyRows(rowCount - 1))
  const Excel = await excel()
  const wb = new Excel.Workbook()
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return fail('无法读取这个文件：请上传 .xlsx 或 .csv 格式的名册')
  }
  const ws = wb.worksheets[0]
  if (!ws) return fail('文件里没有工作表')
  const issues: RosterIssue[] = []
  const merges = (ws.model as unknown as { merges?: string[] }).merges ?? []
  for (const range of merges) {
    const [from] = range.split(':')
    const cell = ws.getCell(from)
    issues.push({
      row: Number(cell.row),
      column: columnName(Number(cell.col)),
      message: `${range} 是合并单元格，请取消合并，每一行填写完整`,
    })
  }
  const rows: Array<{ row: number; cells: string[] }> = []
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= ROSTER_COLUMNS.length; c++) {
      const cell = row.getCell(c)
      if (cell.type === Excel.ValueType.Formula) {
        issues.push({
          row: rowNumber,
          column: columnName(c),
          message: '这一格是公式，请复制后「粘贴为数值」再上传',
        })
      }
      cells.push(cellText(cell))
    }
    if (cells.some((t) => t !== '')) rows.push({ row: rowNumber, cells })
  })
  if (issues.length) return { ok: false, issues }
  return { ok: true, rows }
}

async function readCsv(bytes: Buffer): Promise<SheetResult> {
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes)
  } catch {
    try {
      // Excel on Chinese Windows saves CSV as GB18030 (GBK).
      text = new TextDecoder('gb18030', { fatal: true }).decode(bytes)
    } catch {
      return fail('无法识别文件编码：请另存为 UTF-8 的 CSV 或 .xlsx')
    }
  }
  text = text.replace(/^\uFEFF/, '')
  if (text.includes('\u0000')) return fail('无法读取这个文件：请上传 .xlsx 或 .csv 格式的名册')
  const lines = (text.match(/\n/g) ?? []).length + 1
  if (lines > MAX_RAW_ROWS + 2) return fail(tooManyRows(lines - 1))
  const wb = new (await excel()).Workbook()
  let ws: ExcelJS.Worksheet
  try {
    ws = await wb.csv.read(Readable.from([text]), { map: (d: string) => d } as never)
  } catch {
    return fail('无法读取这个 CSV 文件，请检查引号是否成对')
  }
  const issues: RosterIssue[] = []
  const rows: Array<{ row: number; cells: string[] }> = []
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = []
    for (let c = 1; c <= ROSTER_COLUMNS.length; c++) {
      const t = cellText(row.getCell(c))
      if (looksLikeFormula(t.slice(1)) && t.startsWith("'")) {
        // Written as text on purpose (our own export does this): the quote is not part of it.
        cells.push(t.slice(1))
        continue
      }
      if (looksLikeFormula(t))
        issues.push({
          row: rowNumber,
          column: columnName(c),
          message: '这一格以 = + - @ 开头，像是公式，请改为纯文本',
        })
      cells.push(t)
    }
    if (cells.some((t) => t !== '')) rows.push({ row: rowNumber, cells })
  })
  if (issues.length) return { ok: false, issues }
  return { ok: true, rows }
}

/** Text a spreadsheet would run as a formula when the CSV is opened. */
function looksLikeFormula(t: string): boolean {
  return /^[=+@]/.test(t) || /^-\D/.test(t)
}

function columnName(c: number): RosterIssue['column'] {
  return (ROSTER_COLUMNS[c - 1] ?? null) as RosterIssue['column']
}

function cellText(cell: ExcelJS.Cell): string {
  const v = cell.value
  if (v === null || v === undefined) return ''
  if (typeof v === 'string') return v.trim()
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v)
  if (typeof v === 'boolean') return String(v)
  if (v instanceof Date) return v.toISOString().slice(0, 10)
  if (typeof v === 'object' && 'richText' in v)
    return v.richText
      .map((p) => p.text)
      .join('')
      .trim()
  if (typeof v === 'object' && 'text' in v) return String(v.text).trim()
  if (typeof v === 'object' && 'result' in v) return String(v.result ?? '').trim()
  return String(cell.text ?? '').trim()
}

/** Writes rows under the roster header as an XLSX workbook. */
export async function writeRosterXlsx(rows: string[][]): Promise<Buffer> {
  const wb = new (await excel()).Workbook()
  const ws = wb.addWorksheet('名册')
  ws.addRow([...ROSTER_COLUMNS])
  ws.getRow(1).font = { bold: true }
  ws.columns = [24, 10, 10, 12, 16, 20].map((width) => ({ width }))
  for (const r of rows) ws.addRow(r)
  // Phones as text, so Excel neither rounds nor reformats them.
  ws.getColumn(5).numFmt = '@'
  return Buffer.from(await wb.xlsx.writeBuffer())
}

/**
 * Writes rows under the roster header as UTF-8 CSV with a BOM (Excel opens it correctly); text that
 * a spreadsheet would run as a formula gets a leading `'`, which the import drops again.
 */
export function writeRosterCsv(rows: string[][]): Buffer {
  const literal = (t: string) => (looksLikeFormula(t) ? `'${t}` : t)
  const quote = (raw: string) => {
    const t = literal(raw)
    return /[",\r\n]/.test(t) ? `"${t.replace(/"/g, '""')}"` : t
  }
  const lines = [[...ROSTER_COLUMNS], ...rows].map((r) => r.map(quote).join(','))
  return Buffer.from(`\uFEFF${lines.join('\r\n')}\r\n`, 'utf8')
}
