// Departments and hazard categories (severity, default grade, response minutes per severity,
// urgent flag).
import { randomBytes } from 'node:crypto'
import { AppError, type Routes } from '../runtime'
import type { CategoryDoc } from './store/org'
import {
  listAllCategories,
  listAllDepartments,
  saveCategory,
  saveDepartment,
} from './store/org-admin'
import type { DepartmentDoc } from './store/org'
import { requireAdmin, requireSafetyOffice } from './scope'
import type { AdminCategory } from '../../../types/api/org-admin'
import { FALLBACK_GRADE } from '../../../types/grade'

type R = Routes<'org'>
type Severity = AdminCategory['severity']

const departmentView = (d: DepartmentDoc) => ({
  id: d._id,
  name: d.name,
  kind: d.kind ?? 'other',
  active: d.active !== false,
})

/** A stored category as the editor shows it; older documents get minutes from their SLA hours. */
export function categoryView(c: CategoryDoc): AdminCategory {
  const severity = (
    ['high', 'medium', 'low'].includes(c.severity) ? c.severity : 'medium'
  ) as Severity
  const fallback = Math.max(1, Math.round((c.slaHours ?? 2) * 60))
  return {
    id: c._id,
    name: c.name,
    icon: c.icon,
    severity,
    grade: c.grade ?? FALLBACK_GRADE,
    responseMinutes: {
      high: c.responseMinutes?.high ?? fallback,
      medium: c.responseMinutes?.medium ?? fallback,
      low: c.responseMinutes?.low ?? fallback,
    },
    urgent: Boolean(c.urgent),
    order: c.order,
    active: c.active,
  }
}

export const catalogRoutes: Pick<
  R,
  'departments.list' | 'department.save' | 'categories.all' | 'category.save'
> = {
  'departments.list': async (_input, ctx) => {
    await requireAdmin(ctx)
    return (await listAllDepartments(ctx.db)).map(departmentView)
  },
  'department.save': async ({ id, name, kind, active }, ctx) => {
    await requireSafetyOffice(ctx)
    const all = await listAllDepartments(ctx.db)
    if (id && !all.some((d) => d._id === id)) throw new AppError('org.not_found')
    if (all.some((d) => d.name === name && d._id !== id))
      throw new AppError('input.invalid', `已有名为「${name}」的科室`, {
        issues: [{ path: 'name', message: '与已有科室重名' }],
      })
    const doc = { _id: id ?? `dept-${randomBytes(5).toString('hex')}`, name, kind, active }
    await saveDepartment(ctx.db, doc)
    return departmentView(doc)
  },
  'categories.all': async (_input, ctx) => {
    await requireAdmin(ctx)
    return (await listAllCategories(ctx.db)).map(categoryView)
  },
  'category.save': async (input, ctx) => {
    await requireSafetyOffice(ctx)
    const all = await listAllCategories(ctx.db)
    const existing = input.id ? all.find((c) => c._id === input.id) : undefined
    if (input.id && !existing) throw new AppError('org.not_found')
    if (all.some((c) => c.name === input.name && c._id !== input.id))
      throw new AppError('input.invalid', `已有名为「${input.name}」的类别`, {
        issues: [{ path: 'name', message: '与已有类别重名' }],
      })
    const doc: CategoryDoc = {
      _id: input.id ?? `cat-${randomBytes(5).toString('hex')}`,
      name: input.name,
      icon: input.icon,
      severity: input.severity,
      grade: input.grade,
      responseMinutes: input.responseMinutes,
      urgent: input.urgent,
      // Kept for readers that still use hours, until the SLA work moves them to minutes.
      slaHours: Math.round((input.responseMinutes[input.severity] / 60) * 100) / 100,
      order: input.order ?? existing?.order ?? Math.max(0, ...all.map((c) => c.order)) + 1,
      active: input.active,
    }
    await saveCategory(ctx.db, doc)
    return categoryView(doc)
  },
}
