// Hazard grading through the real functions: a grade from the category (or the report), the 五定
// plan before a 重大 hazard is deferred, the 挂牌督办 board until both sign-offs, the safety office's
// grade changes in the journal, and the health-commission workbook read back.
import ExcelJS from 'exceljs'
import { startBackend, type Backend, OWN_PHOTO as PHOTO } from './helpers/backend'
import { STILL_START } from '../../emulator/src/clock'
import type { SupervisedItem, TicketView } from '../../types/api/ticket'
import type { AdminCategory } from '../../types/api/org-admin'
import { MAJOR_COLUMNS } from '../../cloudfunctions/_shared/stats/major-xlsx'
import { seedMajorHazards } from '../../scripts/seed/majors'

const STAFF = 'demo-staff'
const CAPTAIN = 'demo-floor-captain'
const BUILDING_CAPTAIN = 'demo-building-captain'
const SAFETY = 'demo-safety'
const LEADER = 'demo-leader'
const FLOOR = 'B07F03'
const IN_A_WEEK = new Date(STILL_START + 7 * 86400_000).toISOString()

describe('grading: 一般 / 重大, 五定, 挂牌督办, 销号', () => {
  let b: Backend
  let n = 0
  beforeAll(async () => {
    b = await startBackend({ seed: true })
  }, 60_000)
  afterAll(() => b.stop())

  const report = (categoryId: string, extra: Record<string, unknown> = {}) =>
    b.okAs<TicketView>(STAFF, 'ticket', 'create', {
      clientKey: `grading-${n++}-abcdefgh`,
      floorId: FLOOR,
      categoryId,
      photos: [PHOTO],
      description: '氧气管道接口漏气',
      ...extra,
    })
  const act = (who: string, id: string, input: Record<string, unknown>) =>
    b.callAs<TicketView>(who, 'ticket', 'act', { id, ...input })
  const okAct = (who: string, id: string, input: Record<string, unknown>) =>
    b.okAs<TicketView>(who, 'ticket', 'act', { id, ...input })
  const get = (who: string, id: string) => b.okAs<TicketView>(who, 'ticket', 'get', { id })
  const board = (who = SAFETY) =>
    b.okAs<{ items: SupervisedItem[]; count: number }>(who, 'ticket', 'supervised', {})
  const events = () => b.db.collection('ticket_events').count()
  /** A complete 五定 plan, its responsible person the first the form offers. */
  const planOf = async (id: string) => {
    const view = await get(CAPTAIN, id)
    const person = view.choices.responsibleId?.[0]
    expect(person).toBeDefined()
    return {
      action: 'plan',
      responsibleId: person!.id,
      measures: '更换减压阀并加装泄漏报警',
      funds: 12800.5,
      deadline: IN_A_WEEK,
      contingency: '关闭支路阀门，设警戒区，备用氧源供氧',
    }
  }

  it.each<[string, string, Record<string, unknown>, string]>([
    ['a category’s default grade', 'pressure-vessel', {}, 'major'],
    ['an everyday category', 'wet-floor', {}, 'general'],
    ['the grade a finding is reported with', 'wet-floor', { grade: 'major' }, 'major'],
  ])('reports with %s', async (_name, categoryId, extra, grade) => {
    const t = await report(categoryId, extra)
    expect(t).toMatchObject({ grade, gradeLabel: grade === 'major' ? '重大隐患' : '一般隐患' })
  })

  it('takes a category’s grade as the safety office edits it', async () => {
    const all = await b.okAs<AdminCategory[]>(SAFETY, 'org', 'categories.all', {})
    const other = all.find((c) => c.id === 'other')!
    expect(other.grade).toBe('general')
    const { order: _order, ...rest } = other
    await b.okAs(SAFETY, 'org', 'category.save', { ...rest, grade: 'major' })
    expect((await report('other')).grade).toBe('major')
    await b.okAs(SAFETY, 'org', 'category.save', { ...rest, grade: 'general' })
    expect((await report('other')).grade).toBe('general')
  })

  it('refuses a grade it does not know, writing nothing', async () => {
    const before = await b.db.collection('tickets').count()
    const res = await b.callAs(STAFF, 'ticket', 'create', {
      clientKey: 'grading-bad-grade-abc',
      floorId: FLOOR,
      categoryId: 'wet-floor',
      photos: [PHOTO],
      grade: 'huge',
    })
    expect(res).toMatchObject({ ok: false, code: 'input.invalid' })
    if (!res.ok) expect(res.issues?.map((i) => i.path)).toContain('grade')
    expect(await b.db.collection('tickets').count()).toEqual(before)
  })

  it('walks a 重大 hazard from its plan to the second sign-off, on the board until then', async () => {
    const t = await report('pressure-vessel')
    expect(t.planMissing).toHaveLength(5)
    expect(t.allowedActions).not.toContain('fix')

    // Deferred without its plan: refused naming what is missing, nothing written.
    const before = { events: await events(), version: t.version }
    const refused = await act(CAPTAIN, t.id, {
      action: 'defer',
      deadline: IN_A_WEEK,
      departmentId: 'equipment',
      plan: '更换减压阀',
    })
    expect(refused).toMatchObject({ ok: false, code: 'ticket.invalid_transition' })
    if (!refused.ok) {
      expect(refused.message).toContain('五定方案')
      for (const part of ['定责任', '定措施', '定资金', '定时限', '定预案'])
        expect(refused.message).toContain(part)
    }
    expect(await events()).toEqual(before.events)
    expect((await get(CAPTAIN, t.id)).version).toEqual(before.version)

    // A plan missing its funds is an input error naming the field.
    const { funds: _funds, ...noFunds } = await planOf(t.id)
    const missing = await act(CAPTAIN, t.id, noFunds)
    expect(missing).toMatchObject({ ok: false, code: 'input.invalid' })
    if (!missing.ok) expect(missing.issues?.map((i) => i.path)).toContain('funds')

    const planned = await okAct(CAPTAIN, t.id, await planOf(t.id))
    expect(planned.planMissing).toEqual([])
    expect(planned.majorPlan).toMatchObject({
      funds: 12800.5,
      measures: '更换减压阀并加装泄漏报警',
    })
    expect(planned.events.at(-1)).toMatchObject({ action: 'plan', label: '制定五定方案' })

    await okAct(CAPTAIN, t.id, {
      action: 'defer',
      deadline: IN_A_WEEK,
      departmentId: 'equipment',
      plan: '按五定方案整改',
    })
    const done = await okAct(CAPTAIN, t.id, { action: 'complete', afterPhotos: [PHOTO] })
    expect(done.status).toBe('reviewing')
    const onBoard = (await board()).items.find((i) => i.id === t.id)
    expect(onBoard).toMatchObject({
      planMissing: [],
      awaiting: ['安全办', '院领导'],
      mySignoff: true,
    })

    // Not closed by one verifier; an outsider's sign-off is refused and reveals nothing.
    expect(await act(SAFETY, t.id, { action: 'verify' })).toMatchObject({
      ok: false,
      code: 'ticket.invalid_transition',
    })
    const writes = await events()
    for (const outsider of [STAFF, CAPTAIN, BUILDING_CAPTAIN]) {
      const res = await act(outsider, t.id, { action: 'signoff', opinion: '同意销号' })
      expect(res).toMatchObject({ ok: false, code: 'auth.forbidden' })
      expect(res).not.toHaveProperty('data')
    }
    expect(await events()).toEqual(writes)

    const first = await okAct(SAFETY, t.id, { action: 'signoff', opinion: '整改到位，同意销号' })
    expect(first.status).toBe('reviewing')
    expect(first.signoffs).toMatchObject([{ side: 'safety', opinion: '整改到位，同意销号' }])
    expect(await act(SAFETY, t.id, { action: 'signoff', opinion: '再签' })).toMatchObject({
      ok: false,
      code: 'ticket.invalid_transition',
    })
    expect((await board(LEADER)).items.find((i) => i.id === t.id)).toMatchObject({
      awaiting: ['院领导'],
      mySignoff: true,
    })

    const closed = await okAct(LEADER, t.id, { action: 'signoff', opinion: '同意销号' })
    expect(closed).toMatchObject({ status: 'closed', statusLabel: '已销号' })
    expect(closed.events.slice(-2).map((e) => e.note)).toEqual([
      '安全办签字：整改到位，同意销号',
      '院领导签字：同意销号',
    ])
    expect((await board()).items.map((i) => i.id)).not.toContain(t.id)
  })

  it('shows the board to the safety office and 院领导 only', async () => {
    for (const who of [STAFF, CAPTAIN, BUILDING_CAPTAIN])
      await expect(b.callAs(who, 'ticket', 'supervised', {})).resolves.toMatchObject({
        ok: false,
        code: 'auth.forbidden',
      })
  })

  it('journals a grade change with its reason; only the safety office changes a grade', async () => {
    const t = await report('wet-floor')
    const before = await events()
    for (const input of [
      { action: 'grade', grade: 'major', reason: '' },
      { action: 'grade', grade: 'general', reason: '无变化' },
    ])
      await expect(act(SAFETY, t.id, input)).resolves.toMatchObject({
        ok: false,
        code: 'input.invalid',
      })
    await expect(
      act(CAPTAIN, t.id, { action: 'grade', grade: 'major', reason: '涉及氧气' }),
    ).resolves.toMatchObject({ ok: false, code: 'auth.forbidden' })
    expect(await events()).toEqual(before)

    const graded = await okAct(SAFETY, t.id, {
      action: 'grade',
      grade: 'major',
      reason: '积水位于配电室门口',
    })
    expect(graded).toMatchObject({ grade: 'major', status: 'pending' })
    expect(graded.events.at(-1)).toMatchObject({
      action: 'grade',
      label: '调整隐患等级',
      note: '一般隐患 → 重大隐患：积水位于配电室门口',
    })
    expect((await board()).items.map((i) => i.id)).toContain(t.id)
  })

  it('exports every 重大 hazard as a workbook with the 五定 columns, for the safety office only', async () => {
    const t = await report('pressure-vessel', { description: '压力容器安全阀失效' })
    await okAct(CAPTAIN, t.id, await planOf(t.id))
    await expect(b.callAs(LEADER, 'stats', 'majors.export', {})).resolves.toMatchObject({
      ok: false,
      code: 'auth.forbidden',
    })
    const file = await b.okAs<{ fileID: string; url: string; count: number }>(
      SAFETY,
      'stats',
      'majors.export',
      {},
    )
    const majors = (await b.db.collection('tickets').where({ grade: 'major' }).count()) as {
      total: number
    }
    expect(file.count).toBe(majors.total)
    const wb = new ExcelJS.Workbook()
    const bytes = Buffer.from(await (await fetch(file.url)).arrayBuffer())
    await wb.xlsx.load(bytes as unknown as ArrayBuffer)
    const sheet = wb.getWorksheet('重大事故隐患')!
    expect(sheet.getRow(3).values).toEqual([undefined, ...MAJOR_COLUMNS.map(([h]) => h)])
    expect(sheet.rowCount).toBe(3 + majors.total)
    const rows = Array.from({ length: majors.total }, (_, i) => sheet.getRow(4 + i))
    const col = (name: string) => MAJOR_COLUMNS.findIndex(([h]) => h.startsWith(name)) + 1
    const mine = rows.find((r) => r.getCell(col('隐患描述')).value === '压力容器安全阀失效')!
    expect(mine.getCell(col('隐患等级')).value).toBe('重大隐患')
    expect(mine.getCell(col('整改措施')).value).toBe('更换减压阀并加装泄漏报警')
    expect(mine.getCell(col('整改资金')).value).toBe(12800.5)
    expect(mine.getCell(col('应急预案')).value).toBe('关闭支路阀门，设警戒区，备用氧源供氧')
    expect(String(mine.getCell(col('责任人')).value)).not.toBe('')
    expect(mine.getCell(col('整改状态')).value).toBe('待受理')
  })

  it('seeds the demo’s two 重大 hazards onto the board, once however often it runs', async () => {
    const ids = await seedMajorHazards(b.url, STILL_START)
    expect(await seedMajorHazards(b.url, STILL_START)).toEqual(ids)
    const shown = (await board(LEADER)).items
    const items = ids.map((id) => shown.find((i) => i.id === id))
    expect(items.map((i) => [i?.statusLabel, i?.awaiting, i?.mySignoff])).toEqual([
      ['限期整改中', ['安全办', '院领导'], false],
      ['待复核', ['院领导'], true],
    ])
  })
})
