// The evidence registry: for every field an action's input may carry (types/api/ticket.ts
// ACT_INPUTS), how a form shows it, and — for a field naming something stored — how the door loads
// and checks it (into `world.found`) and where a form's choices come from. A field missing here, or a
// looked-up field without its load, is a compile error.
import type {
  ActionForm,
  ActParsed,
  Choice,
  EvidenceField,
  EvidenceValue,
  FieldKind,
  FormField,
} from '../../../types/api/ticket'
import { evidenceOf } from '../../../types/api/ticket'
import { LEVEL_LABELS, OPEN_STATES, type TicketAction } from '../../../types/ticket'
import { GRADE_LABELS, GRADES } from '../../../types/grade'
import type { Lookups } from './domain/machine'
import type { Actor, TicketDoc } from './domain/ticket'
import {
  getBuilding,
  getDepartment,
  getFloor,
  listDepartments,
  loadOwnerChain,
} from '../org/store/org'
import { getTicket, listOpenOnFloor } from './store/tickets'
import { requireOwnPhotos } from '../media/evidence'
import { findUserById } from '../runtime/users'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'

/** What loading or checking a field may read: the call, the ticket acted on, who acts, when. */
export interface EvidenceContext {
  ctx: ActionContext
  t: TicketDoc
  actor: Actor
  now: Date
}

type Shown =
  | {
      kind: 'choice'
      label: string
      empty: string
      choices: (ctx: ActionContext, t: TicketDoc) => Promise<Choice[]>
    }
  | { kind: Exclude<FieldKind, 'choice'>; label: string }

/** A field naming something stored: loaded (null when absent), then checked against the ticket. */
interface LookedUp<F extends EvidenceField & keyof Lookups> {
  load: (c: EvidenceContext, value: EvidenceValue<F>) => Promise<Lookups[F] | null>
  /** Why the value cannot be used (a Chinese sentence), or undefined. */
  check: (found: Lookups[F] | null, value: EvidenceValue<F>, t: TicketDoc) => string | undefined
}
/** A field checked against what is stored without adding to the world; throws input.invalid. */
interface Verified<F extends EvidenceField> {
  verify?: (c: EvidenceContext, value: EvidenceValue<F>) => Promise<void>
}
type Entry<F extends EvidenceField> = Shown &
  (F extends keyof Lookups ? LookedUp<F> : Verified<F> & { load?: never })

/** Every evidence field: how it is shown, loaded, checked and offered. */
export const EVIDENCE: { [F in EvidenceField]: Entry<F> } = {
  afterPhotos: {
    kind: 'photos',
    label: '整改后照片',
    // Evidence must exist: after-photos are files this caller stored in their own upload slots.
    verify: async (c, ids) => {
      await requireOwnPhotos(c.ctx, c.actor.id, 'afterPhotos', ids)
    },
  },
  deadline: { kind: 'deadline', label: '整改期限' },
  departmentId: {
    kind: 'choice',
    label: '责任部门',
    empty: '还没有可选的责任部门，请联系安全办',
    choices: async (ctx) =>
      (await listDepartments(ctx.db)).map((d) => ({ id: d._id, label: d.name })),
    load: async (c, id) => {
      const d = await getDepartment(c.ctx.db, id)
      return d && d.active !== false ? { id: d._id, name: d.name } : null
    },
    check: (found) => (found ? undefined : '责任部门不存在'),
  },
  plan: { kind: 'text', label: '整改方案' },
  targetFloorId: {
    kind: 'floor',
    label: '目标楼层',
    load: async (c, floorId) => {
      const floor = await getFloor(c.ctx.db, floorId)
      if (!floor || !floor.active) return null
      const [building, chain] = await Promise.all([
        getBuilding(c.ctx.db, floor.buildingId),
        loadOwnerChain(c.ctx.db, floor, c.now),
      ])
      return {
        floorId: floor._id,
        buildingId: floor.buildingId,
        place: `${building?.name ?? ''} ${floor.name}`.trim(),
        chain,
      }
    },
    check: (found, _id, t) => {
      if (!found) return '目标楼层不存在或已停用'
      return found.floorId === t.floorId ? '隐患已在这个楼层' : undefined
    },
  },
  duplicateOf: {
    kind: 'choice',
    label: '与哪条重复',
    empty: '本层没有其他未处理的隐患可以选择',
    choices: async (ctx, t) =>
      (await listOpenOnFloor(ctx.db, t.floorId, OPEN_STATES))
        .filter((o) => o._id !== t._id && o.status !== 'duplicate')
        .map((o) => ({
          id: o._id,
          label: `${o.categoryName} · ${o.spot || o.place} · ${o.description.slice(0, 20)}`,
        })),
    load: (c, id) => getTicket(c.ctx.db, id),
    check: (found, id, t) => {
      if (id === t._id) return '不能标记为与自己重复'
      if (!found) return '重复的隐患不存在'
      return found.status === 'duplicate' ? '请选择最早上报的那条隐患' : undefined
    },
  },
  reason: { kind: 'text', label: '原因' },
  rating: { kind: 'rating', label: '满意度' },
  target: { kind: 'system', label: '提醒对象' },
  grade: {
    kind: 'choice',
    label: '隐患等级',
    empty: '',
    choices: async () => GRADES.map((g) => ({ id: g, label: GRADE_LABELS[g] })),
    verify: async (c, grade) => {
      if (grade === (c.t.grade ?? 'general'))
        throw invalid('grade', `这条隐患已是${GRADE_LABELS[grade]}`)
    },
  },
  responsibleId: {
    kind: 'choice',
    label: '责任人（定责任）',
    empty: '这个楼层还没有配置负责人，请联系安全办',
    // The people answering for the floor, from its 层长 up to the safety office.
    choices: async (ctx, t) => {
      const floor = await getFloor(ctx.db, t.floorId)
      const chain = floor ? await loadOwnerChain(ctx.db, floor, ctx.now()) : []
      const seen = new Set<string>()
      return chain
        .filter((s) => !seen.has(s.userId) && Boolean(seen.add(s.userId)))
        .map((s) => ({ id: s.userId, label: `${LEVEL_LABELS[s.level] ?? ''} ${s.name}`.trim() }))
    },
    load: async (c, id) => {
      const user = await findUserById(c.ctx.db, id)
      return user && user.active !== false ? { id: user._id, name: user.name } : null
    },
    check: (found) => (found ? undefined : '责任人不存在或已停用'),
  },
  measures: { kind: 'text', label: '整改措施（定措施）' },
  funds: { kind: 'amount', label: '整改资金（元）（定资金）' },
  contingency: { kind: 'text', label: '应急预案（定预案）' },
  opinion: { kind: 'text', label: '销号意见' },
}

type AnyEntry = Shown & {
  load?: (c: EvidenceContext, value: unknown) => Promise<unknown>
  check?: (found: unknown, value: unknown, t: TicketDoc) => string | undefined
  verify?: (c: EvidenceContext, value: unknown) => Promise<void>
}
const entryOf = (field: EvidenceField) => EVIDENCE[field] as AnyEntry

const invalid = (path: string, message: string) =>
  new AppError('input.invalid', message, { issues: [{ path, message }] })

/**
 * Loads and checks every evidence field of an act; what looked-up fields resolve to, by field.
 * Throws input.invalid naming the first field (in the schema's order) that does not resolve.
 */
export async function loadEvidence(
  c: EvidenceContext,
  input: ActParsed,
): Promise<Partial<Lookups>> {
  const values = input as Record<string, unknown>
  const fields = evidenceOf(input.action as TicketAction).filter((f) => values[f] !== undefined)
  const settled = await Promise.allSettled(
    fields.map(async (field) => {
      const entry = entryOf(field)
      const value = values[field]
      if (!entry.load) return entry.verify?.(c, value)
      const found = (await entry.load(c, value)) ?? null
      const refusal = entry.check?.(found, value, c.t)
      if (refusal) throw invalid(field, refusal)
      return found
    }),
  )
  const failed = settled.find((s): s is PromiseRejectedResult => s.status === 'rejected')
  if (failed) throw failed.reason
  return Object.fromEntries(
    fields
      .map((f, i) => [f, (settled[i] as PromiseFulfilledResult<unknown>).value] as const)
      .filter(([f, v]) => entryOf(f).load && v !== null),
  ) as Partial<Lookups>
}

/** The form of an action as a person fills it: its evidence fields, without the system's own. */
export function formOf(action: TicketAction): ActionForm {
  const fields: FormField[] = []
  for (const name of evidenceOf(action)) {
    const entry = entryOf(name)
    if (entry.kind === 'system') continue
    fields.push({
      name,
      kind: entry.kind,
      label: entry.label,
      ...('empty' in entry && { empty: entry.empty }),
    })
  }
  return { action, fields }
}

/** The options of every choice field on the given forms, by field. */
export async function choicesOf(
  ctx: ActionContext,
  t: TicketDoc,
  forms: readonly ActionForm[],
): Promise<Record<string, Choice[]>> {
  const names = [...new Set(forms.flatMap((f) => f.fields.map((x) => x.name)))]
  const lists = await Promise.all(
    names.map(async (name) => {
      const entry = entryOf(name)
      return entry.kind === 'choice' ? ([name, await entry.choices(ctx, t)] as const) : undefined
    }),
  )
  return Object.fromEntries(lists.filter((l) => l !== undefined))
}
