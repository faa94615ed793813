// Roster import (XLSX/CSV from storage: validate every row, preview, then apply) and export in the
// same format, so export → import changes nothing.
import { randomBytes } from 'node:crypto'
import { AppError, type ActionContext, type Routes } from '../runtime'
import { recordAudit } from '../trust/store/audit'
import {
  checkHeader,
  planRoster,
  rosterRows,
  validateRoster,
  ROSTER_COLUMNS,
  type RosterIssue,
  type RosterRow,
} from './domain/roster'
import { readRosterSheet, writeRosterCsv, writeRosterXlsx } from './roster-sheet'
import { applyRosterPlan, knownUsers, loadRosterState } from './roster-state'
import { requireSafetyOffice } from './scope'
import { download, storeForDownload } from '../media/files'
import { hospitalTime } from '../../../types/time'

type R = Routes<'admin'>

const MAX_LISTED_ISSUES = 200

function invalid(issues: RosterIssue[]): never {
  const first = issues[0]
  const where = first?.row ? `第 ${first.row} 行${first.column ? `「${first.column}」` : ''}：` : ''
  throw new AppError(
    'roster.invalid',
    `名册有 ${issues.length} 处错误，未导入任何内容。${where}${first?.message ?? ''}`,
    { data: { errors: issues.slice(0, MAX_LISTED_ISSUES), total: issues.length } },
  )
}

async function uploaded(ctx: ActionContext, fileID: string): Promise<Buffer> {
  try {
    return await download(ctx, fileID)
  } catch {
    throw new AppError('input.invalid', '找不到上传的文件，请重新上传', {
      issues: [{ path: 'fileID', message: '文件不存在' }],
    })
  }
}

export const rosterFileRoutes: Pick<R, 'roster.import' | 'roster.export'> = {
  'roster.import': async ({ fileID, dryRun }, ctx) => {
    const admin = await requireSafetyOffice(ctx)
    const bytes = await uploaded(ctx, fileID)
    const sheet = await readRosterSheet(bytes)
    if (!sheet.ok) invalid(sheet.issues)
    const [header, ...body] = sheet.rows
    if (!header) invalid([{ row: null, column: null, message: '文件是空的' }])
    const headerIssues = checkHeader(header.cells)
    if (headerIssues.length) invalid(headerIssues.map((i) => ({ ...i, row: header.row })))
    if (body.length === 0) invalid([{ row: null, column: null, message: '名册没有任何人员行' }])
    const rows: RosterRow[] = body.map((r) => {
      const out = { row: r.row } as RosterRow
      ROSTER_COLUMNS.forEach((c, i) => (out[c] = r.cells[i] ?? ''))
      return out
    })
    const now = ctx.now()
    const state = await loadRosterState(ctx.db, now)
    const { assignments, issues, warnings } = validateRoster(rows, state.places)
    if (issues.length) invalid(issues)
    const users = await knownUsers(
      ctx.db,
      state,
      assignments.map((a) => a.phone),
    )
    const plan = planRoster(assignments, state.current, users, state.places)
    const preview = {
      rows: rows.length,
      added: plan.added,
      changed: plan.changed,
      handedOver: plan.handedOver,
      removed: plan.removed,
      unchanged: plan.unchanged,
      warnings: warnings.slice(0, MAX_LISTED_ISSUES),
    }
    const changes =
      plan.added.length + plan.changed.length + plan.handedOver.length + plan.removed.length
    if (dryRun || changes === 0) return { applied: false, ...preview }
    await applyRosterPlan(ctx.db, plan, now)
    await recordAudit(ctx.db, {
      action: 'roster.import',
      at: now,
      targetType: 'roster',
      targetId: '',
      actorId: admin.user._id,
      actorName: admin.user.name,
      reason: `导入名册：新增 ${plan.added.length}，变更 ${plan.changed.length}，交接 ${plan.handedOver.length}，移除 ${plan.removed.length}`,
    })
    return { applied: true, ...preview }
  },
  'roster.export': async ({ format }, ctx) => {
    await requireSafetyOffice(ctx)
    const now = ctx.now()
    const state = await loadRosterState(ctx.db, now)
    const rows = rosterRows(state.current, state.places)
    const content = format === 'csv' ? writeRosterCsv(rows) : await writeRosterXlsx(rows)
    // The hospital's date: an export at 07:30 in Shanghai is named for that day, not UTC's yesterday.
    const day = hospitalTime(now).format('YYYY-MM-DD')
    const file = await storeForDownload(
      ctx,
      `exports/roster-${day}-${randomBytes(4).toString('hex')}.${format}`,
      content,
    )
    return { ...file, rows: rows.length }
  },
}
