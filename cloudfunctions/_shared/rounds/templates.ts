// Checklist templates: the safety office writes them (each edit a new version); whoever works with
// rounds reads them.
import { Role, requireRole } from '../runtime/auth'
import type { ParsedInput } from '../../../types'
import type { TemplateHead, TemplateVersion } from '../../../types/api/rounds'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { getCategory } from '../org/store/org'
import { currentOf, planSave, versionId, type TemplateDoc } from './domain/templates'
import {
  getVersion,
  insertVersion,
  listCurrent,
  listVersions,
  retireTemplate,
} from './store/templates'
import { createHash } from 'node:crypto'

/** The roles that read checklists: those who lead, join or arrange rounds. */
const READERS = [Role.safetyOffice, Role.buildingCaptain, Role.coordinator, Role.leader] as const

const invalid = (path: string, message: string) =>
  new AppError('input.invalid', message, { issues: [{ path, message }] })

/** A stored version as the contract shows it. */
export function templateView(doc: TemplateDoc): TemplateVersion {
  return {
    templateId: doc.templateId,
    version: doc.version,
    name: doc.name,
    sections: doc.sections,
    retired: doc.retired,
    createdAt: new Date(doc.createdAt).toISOString(),
    createdByName: doc.createdByName,
  }
}

/** The head of a version in a list. */
export function templateHead(doc: TemplateDoc): TemplateHead {
  return {
    templateId: doc.templateId,
    version: doc.version,
    name: doc.name,
    retired: doc.retired,
    createdAt: new Date(doc.createdAt).toISOString(),
    items: doc.sections.reduce((n, s) => n + s.items.length, 0),
  }
}

/** Every template's current version, retired ones only when asked. */
export async function listTemplates(
  ctx: ActionContext,
  includeRetired: boolean,
): Promise<{ items: TemplateHead[] }> {
  await requireRole(ctx, ...READERS)
  const docs = (await listCurrent(ctx.db)).filter((d) => includeRetired || !d.retired)
  return { items: docs.sort((a, b) => a.name.localeCompare(b.name, 'zh')).map(templateHead) }
}

/** One version of a template (its current one by default). */
export async function getTemplate(
  ctx: ActionContext,
  templateId: string,
  version?: number,
): Promise<TemplateVersion> {
  await requireRole(ctx, ...READERS)
  const doc = version
    ? await getVersion(ctx.db, templateId, version)
    : currentOf(await listVersions(ctx.db, templateId))
  if (!doc) throw invalid(version ? 'version' : 'templateId', '检查表不存在')
  return templateView(doc)
}

/** Saves a template: a new one, or an edit that becomes its next version. */
export async function saveTemplate(
  ctx: ActionContext,
  input: ParsedInput<'rounds', 'templates.save'>,
): Promise<TemplateVersion> {
  const user = await requireRole(ctx, Role.safetyOffice)
  const versions = input.templateId ? await listVersions(ctx.db, input.templateId) : []
  if (input.templateId && versions.length === 0) throw invalid('templateId', '检查表不存在')
  const categories = [...new Set(input.sections.flatMap((s) => s.items.map((i) => i.categoryId)))]
  const found = await Promise.all(categories.map((id) => getCategory(ctx.db, id)))
  const missing = categories.find((_id, i) => !found[i]?.active)
  if (missing) {
    const s = input.sections.findIndex((x) => x.items.some((i) => i.categoryId === missing))
    const i = input.sections[s].items.findIndex((x) => x.categoryId === missing)
    throw invalid(`sections.${s}.items.${i}.categoryId`, '隐患类别不存在')
  }
  const plan = planSave(versions, input)
  if (plan.kind === 'refused') throw invalid(plan.refusal.path, plan.refusal.message)
  if (plan.kind === 'unchanged') return templateView(plan.current)
  // A new template's id comes from its name and the moment: short, stable, readable in logs.
  const templateId =
    input.templateId ??
    `t-${createHash('sha256').update(`${input.name}\n${ctx.now().toISOString()}`).digest('hex').slice(0, 10)}`
  const doc: TemplateDoc = {
    _id: versionId(templateId, plan.version),
    templateId,
    version: plan.version,
    name: input.name,
    sections: plan.sections,
    retired: false,
    current: true,
    createdAt: ctx.now(),
    createdBy: user._id,
    createdByName: user.name,
  }
  if (!(await insertVersion(ctx.db, doc)))
    throw new AppError('input.invalid', '检查表刚被别人修改过，请刷新后再改', {
      issues: [{ path: 'templateId', message: '检查表刚被别人修改过，请刷新后再改' }],
    })
  return templateView(doc)
}

/** Retires a template: no new round may use it; what was scheduled or done keeps its version. */
export async function retire(ctx: ActionContext, templateId: string): Promise<TemplateHead> {
  await requireRole(ctx, Role.safetyOffice)
  const current = currentOf(await listVersions(ctx.db, templateId))
  if (!current) throw invalid('templateId', '检查表不存在')
  await retireTemplate(ctx.db, templateId)
  return templateHead({ ...current, retired: true })
}
