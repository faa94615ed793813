// Rosters at the documented maximum through the real admin function: 1,000, 1,500 and 2,000 rows
// import, export whole and re-import with zero changes, in XLSX and CSV; 2,001 parsed rows are
// refused however the file ends, with nothing written. The backend's clock reads 07:30 in Shanghai
// (23:30 UTC the day before), so a file named by UTC's date would show.
import ExcelJS from 'exceljs'
import { createStillClock } from '../../emulator/src/index'
import { startBackend, type Backend } from './helpers/backend'
import { csv, docs, HEADER, syntheticHospital, upload, xlsx } from './helpers/roster-files'
import type { RosterPreview } from '../../types/api/org-admin'

const SAFETY = 'limits-safety'
// 87 buildings × (楼长, 协管员, 协管员(备), 10 层长, 10 层长(备)) = 2,001 rows, one person each.
const HOSPITAL = syntheticHospital(87, 10, 2001)
const MAX = 2000
type Err = { ok: false; code: string; message: string }

jest.setTimeout(240_000)

/** What an import may write, as one comparable value. */
async function snapshot(b: Backend): Promise<string> {
  const out: Record<string, unknown[]> = {}
  for (const c of ['users', 'duties', 'buildings', 'floors', 'audit_log'])
    out[c] = (await docs<{ _id: string }>(b, c)).sort((x, y) => x._id.localeCompare(y._id))
  return JSON.stringify(out)
}

/** The data rows of an exported file, as text. */
async function rowsOfFile(bytes: Buffer, format: 'xlsx' | 'csv'): Promise<string[][]> {
  const wb = new ExcelJS.Workbook()
  if (format === 'xlsx') await wb.xlsx.load(bytes as unknown as ArrayBuffer)
  else {
    const { Readable } = await import('node:stream')
    const text = bytes.toString('utf8').replace(/^\uFEFF/, '')
    await wb.csv.read(Readable.from([text]), { map: (d: string) => d } as never)
  }
  const out: string[][] = []
  wb.worksheets[0].eachRow((row) => {
    const cells = HEADER.map((_h, i) => {
      const v = row.getCell(i + 1).value
      return v === null || v === undefined ? '' : String(v)
    })
    out.push(cells)
  })
  expect(out[0]).toEqual(HEADER)
  return out.slice(1)
}

const sorted = (rows: string[][]) => rows.map((r) => r.join('|')).sort()

describe('roster files at the documented maximum', () => {
  let b: Backend
  const importFile = async (content: Buffer, dryRun: boolean, ext: string) =>
    b.callAs<RosterPreview>(SAFETY, 'admin', 'roster.import', {
      fileID: await upload(b, content, ext),
      dryRun,
    })
  const make = (rows: string[][], format: 'xlsx' | 'csv') =>
    format === 'xlsx' ? xlsx(rows) : Promise.resolve(csv(rows))

  beforeAll(async () => {
    b = await startBackend({ clock: createStillClock(Date.parse('2026-11-26T07:30:00+08:00')) })
    for (let i = 0; i < HOSPITAL.buildings.length; i += 100)
      await b.db.collection('buildings').add({ data: HOSPITAL.buildings.slice(i, i + 100) })
    for (let i = 0; i < HOSPITAL.floors.length; i += 100)
      await b.db.collection('floors').add({ data: HOSPITAL.floors.slice(i, i + 100) })
    await b.db.collection('users').add({
      data: {
        _id: 'u-limits-safety',
        openid: SAFETY,
        name: '安全办',
        roles: ['safety_office'],
        active: true,
      },
    })
  }, 120_000)
  afterAll(() => b?.stop())

  // A page of the store's reads exactly, and the maximum (two pages) in each format.
  it.each([
    [1000, 'xlsx'],
    [MAX, 'xlsx'],
    [MAX, 'csv'],
  ] as const)(
    '%i rows (%s) import, export whole and re-import with zero changes',
    async (count, format) => {
      const rows = HOSPITAL.rows.slice(0, count)
      const applied = await importFile(await make(rows, format), false, format)
      if (!applied.ok) throw new Error(applied.message)
      expect(applied.data.rows).toBe(count)
      const open = (await docs<{ validTo: Date | null }>(b, 'duties')).filter(
        (d) => d.validTo === null,
      )
      expect(open).toHaveLength(count)

      for (const out of ['xlsx', 'csv'] as const) {
        const file = await b.okAs<{ url: string; fileID: string; rows: number }>(
          SAFETY,
          'admin',
          'roster.export',
          { format: out },
        )
        expect(file.rows).toBe(count)
        // Named for the hospital's day: 07:30 on the 26th in Shanghai is still the 25th in UTC.
        expect(file.fileID).toContain(`roster-2026-11-26-`)
        const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
        expect(sorted(await rowsOfFile(bytes, out))).toEqual(sorted(rows))

        const before = await snapshot(b)
        for (const dryRun of [true, false]) {
          const again = await importFile(bytes, dryRun, out)
          if (!again.ok) throw new Error(again.message)
          expect(again.data).toMatchObject({
            applied: false,
            rows: count,
            added: [],
            changed: [],
            handedOver: [],
            removed: [],
            unchanged: count,
          })
        }
        expect(await snapshot(b)).toBe(before)
      }
    },
  )

  it.each([
    ['CSV with a final newline', () => csv(HOSPITAL.rows).toString() + '\n', 'csv'],
    ['CSV without a final newline', () => csv(HOSPITAL.rows).toString().replace(/\n$/, ''), 'csv'],
    [
      'CSV with CRLF and blank lines',
      () => csv(HOSPITAL.rows).toString().replace(/\n/g, '\r\n\r\n'),
      'csv',
    ],
    ['XLSX', () => xlsx(HOSPITAL.rows), 'xlsx'],
  ] as const)(
    'refuses 2,001 parsed rows in a %s, naming the limit, and writes nothing',
    async (_name, content, ext) => {
      expect(HOSPITAL.rows).toHaveLength(MAX + 1)
      const made = await content()
      const bytes = Buffer.isBuffer(made) ? made : Buffer.from(made, 'utf8')
      const before = await snapshot(b)
      for (const dryRun of [true, false]) {
        const res = (await importFile(bytes, dryRun, ext)) as unknown as Err
        expect(res).toMatchObject({ ok: false, code: 'roster.invalid' })
        expect(res.message).toMatch(/未导入任何内容/)
        expect(res.message).toMatch(/这个文件有 2,001 行人员，名册最多 2,000 行（不含表头）/)
      }
      expect(await snapshot(b)).toBe(before)
    },
  )

  it('counts only the rows that hold someone: 2,000 rows and empty ones after them import', async () => {
    const rows = HOSPITAL.rows.slice(0, MAX)
    const padded = csv([...rows, ...Array.from({ length: 300 }, () => ['', '', '', '', '', ''])])
    const res = await importFile(padded, true, 'csv')
    if (!res.ok) throw new Error(res.message)
    expect(res.data).toMatchObject({ rows: MAX, added: [], removed: [], unchanged: MAX })
  })
})
