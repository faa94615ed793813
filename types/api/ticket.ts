// The `ticket` function: report, read, act.
import { z } from 'zod'
import { CursorText } from '../cursor'
import { PhotoState } from './media'
import { safeText } from '../text'
import { Deadline } from '../deadline'
import { Photos, TICKET_ACTIONS, TicketAction, TicketState } from '../ticket'
import { Grade, SIGNOFF_SIDES } from '../grade'

export const TicketEvent = z.object({
  seq: z.number(),
  action: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actorName: z.string(),
  at: z.string(),
  note: z.string().optional(),
  photos: z.array(z.string()).optional(),
})

export const TicketView = z.object({
  id: z.string(),
  status: TicketState,
  statusLabel: z.string(),
  floorId: z.string(),
  place: z.string(),
  spot: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  severity: z.string(),
  /** 一般 / 重大 (types/grade.ts), and its Chinese name. */
  grade: Grade,
  gradeLabel: z.string(),
  /** A 重大 hazard's 五定 plan, once drawn up. */
  majorPlan: z
    .object({
      responsibleName: z.string(),
      measures: z.string(),
      funds: z.number(),
      deadline: z.string(),
      contingency: z.string(),
      by: z.string(),
      at: z.string(),
    })
    .nullable(),
  /** The names of the 五定 a 重大 hazard still lacks before it may be deferred (empty otherwise). */
  planMissing: z.array(z.string()),
  /** A 重大 hazard's sign-offs (销号) so far. */
  signoffs: z.array(
    z.object({
      side: z.enum(Object.keys(SIGNOFF_SIDES) as ['safety', 'leader']),
      sideLabel: z.string(),
      name: z.string(),
      opinion: z.string(),
      at: z.string(),
    }),
  ),
  description: z.string(),
  photos: z.array(z.string()),
  afterPhotos: z.array(z.string()),
  /** fileID → displayable URL (temporary on H5); absent while a photo is hidden from this viewer. */
  photoUrls: z.record(z.string()),
  /** fileID → content-check state: pending (only reporter and handlers see it), flagged (blurred), redacted. */
  photoStates: z.record(PhotoState).optional(),
  reporterName: z.string().nullable(),
  anonymous: z.boolean(),
  /** The safety office may reveal this anonymous reporter (audited). */
  canReveal: z.boolean().optional(),
  mine: z.boolean(),
  level: z.number(),
  levelLabel: z.string(),
  ownerName: z.string(),
  /** The 限期整改 deadline as an instant (a whole day is its 23:59:59 in Asia/Shanghai). */
  deadline: z.string().nullable(),
  /** When the current step is due (accept, deadline, verification) and which it is. */
  dueAt: z.string().nullable(),
  dueStep: z.string().nullable(),
  overdue: z.boolean(),
  /** Why it last climbed the ladder (“超时 30 分钟未受理（由 层长 … 升级至 协管员 …）”). */
  escalationNote: z.string().nullable(),
  /** Where an open ticket stands: “已升级至 楼长 蔡芳 · 督办中 · 逾期 2 天”; null on time at its floor. */
  standing: z.string().nullable(),
  rating: z.number().nullable(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(TicketAction),
  /** Per allowed action, the evidence its form asks for (from the contract, never the client). */
  forms: z.array(z.lazy(() => ActionForm)),
  /** Per choice field of an allowed action's form, its options (departments, the floor's other open hazards). */
  choices: z.record(z.array(z.lazy(() => Choice))),
  departmentName: z.string().nullable(),
  /** Who each push reached, from the outbox's results ("已推送给 层长 …"). */
  reach: z.array(
    z.object({
      text: z.string(),
      ok: z.boolean(),
      /** Not sent yet (nor held for the morning): the screen calls `ticket.follow` until it settles. */
      pending: z.boolean(),
      at: z.string(),
    }),
  ),
  duplicateOf: z.string().nullable(),
  duplicateIds: z.array(z.string()),
  events: z.array(TicketEvent),
  /** The server's time when it answered: countdowns run from it, never from the phone's clock. */
  now: z.string(),
})
export type TicketView = z.infer<typeof TicketView>

export const TicketSummary = TicketView.pick({
  id: true,
  status: true,
  statusLabel: true,
  place: true,
  categoryName: true,
  grade: true,
  gradeLabel: true,
  description: true,
  createdAt: true,
  supportCount: true,
  supportedByMe: true,
  level: true,
  photos: true,
  mine: true,
  dueAt: true,
  dueStep: true,
  overdue: true,
  escalationNote: true,
  standing: true,
}).extend({
  floorId: z.string(),
  /** Building and floor, without the spot: the heading lists group by. */
  area: z.string(),
  updatedAt: z.string(),
  ownerName: z.string(),
  /** The viewer owns it now. */
  owned: z.boolean(),
  /** The first photo as a displayable URL (one temp-URL batch per page), or null. */
  thumbUrl: z.string().nullable(),
  /** The viewer reported it and it is fixed/closed but not yet confirmed. */
  awaitingConfirm: z.boolean(),
})
export type TicketSummary = z.infer<typeof TicketSummary>

export const CreateTicketInput = z
  .object({
    clientKey: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, '格式不正确'),
    floorId: z.string().min(1).max(32),
    categoryId: z.string().min(1).max(40),
    photos: Photos,
    description: safeText({ max: 200 }).optional(),
    spot: safeText({ max: 50 }).optional(),
    anonymous: z.boolean().default(false),
    /** The grade a finding is reported with (a round's checklist item); default: its category's. */
    grade: Grade.optional(),
  })
  .strict()
export type CreateTicketInput = z.input<typeof CreateTicketInput>

const TicketId = z.string().min(1).max(64)
const Reason = safeText({ min: 1, max: 200, minMessage: '请填写原因' }) // text is text
/** One action's input: the ticket, the version seen, an optional note, and exactly its evidence. */
function act<A extends TicketAction, S extends z.ZodRawShape>(action: A, evidence: S) {
  return z
    .object({
      id: TicketId,
      action: z.literal(action),
      version: z.number().int().positive().optional(),
      note: safeText({ max: 200 }).optional(),
      ...evidence,
    })
    .strict()
}

/** Each action's input schema; the keys beyond id/action/version/note are its evidence. */
export const ACT_INPUTS = {
  accept: act('accept', {}),
  fix: act('fix', { afterPhotos: Photos }),
  defer: act('defer', {
    deadline: Deadline,
    departmentId: z.string().min(1).max(40),
    plan: safeText({ min: 1, max: 200, minMessage: '请填写整改方案' }),
  }),
  complete: act('complete', { afterPhotos: Photos }),
  verify: act('verify', {}),
  sendBack: act('sendBack', { reason: Reason }),
  transfer: act('transfer', { targetFloorId: z.string().min(1).max(32), reason: Reason }),
  escalate: act('escalate', { reason: Reason }),
  reject: act('reject', { reason: Reason }),
  duplicate: act('duplicate', { duplicateOf: TicketId, reason: Reason }),
  confirm: act('confirm', { rating: z.number().int().min(1).max(5) }),
  reopen: act('reopen', { reason: Reason }),
  support: act('support', {}),
  // The system's own steps (timers): no person may take them.
  remind: act('remind', {
    reason: Reason,
    target: z.enum(['owner', 'verifier', 'verifier-above']),
  }),
  overdue: act('overdue', { reason: Reason }),
  grade: act('grade', { grade: Grade, reason: Reason }),
  plan: act('plan', {
    responsibleId: z.string({ required_error: '请选择责任人' }).min(1, '请选择责任人').max(64),
    measures: safeText({ min: 1, max: 200, minMessage: '请填写整改措施' }),
    funds: z
      .number({ required_error: '请填写整改资金（元）', invalid_type_error: '资金应为数字（元）' })
      .finite()
      .min(0, '资金不能为负数')
      .max(1_000_000_000, '资金超出范围'),
    deadline: Deadline,
    contingency: safeText({ min: 1, max: 200, minMessage: '请填写应急预案' }),
  }),
  signoff: act('signoff', {
    opinion: safeText({ min: 1, max: 200, minMessage: '请填写销号意见' }),
  }),
} satisfies Record<TicketAction, z.AnyZodObject>

type ActSchema = (typeof ACT_INPUTS)[TicketAction]
/** Any action's input, told apart by `action`: the union of every ACT_INPUTS row. */
export const ActInput = z.discriminatedUnion(
  'action',
  Object.values(ACT_INPUTS) as [ActSchema, ...ActSchema[]],
)
export type ActInput = z.input<typeof ActInput>
/** Any action's input as parsed. */
export type ActParsed = z.output<typeof ActInput>
/** The parsed input of one action. */
export type ActOf<A extends TicketAction> = z.output<(typeof ACT_INPUTS)[A]>

/** The keys every act carries; everything else in an act's shape is its evidence. */
const ACT_BASE: readonly string[] = ['id', 'action', 'version', 'note']
type ActBase = 'id' | 'action' | 'version' | 'note'
/** The evidence fields of an action (of each, for a union of actions), read off its schema. */
export type EvidenceOf<A extends TicketAction> = A extends TicketAction
  ? Exclude<keyof (typeof ACT_INPUTS)[A]['shape'], ActBase> & string
  : never
/** Every evidence field any action asks for. */
export type EvidenceField = EvidenceOf<TicketAction>
/** The parsed value of one evidence field (its schema is the same in every action that asks for it). */
export type EvidenceValue<F extends EvidenceField> = {
  [A in TicketAction]: F extends keyof ActOf<A> ? ActOf<A>[F] : never
}[TicketAction]

/** The evidence an action's input requires, in its schema's order. */
export function evidenceOf<A extends TicketAction>(action: A): EvidenceOf<A>[] {
  return Object.keys(ACT_INPUTS[action].shape).filter(
    (k) => !ACT_BASE.includes(k),
  ) as EvidenceOf<A>[]
}

/** Every evidence field, each once. */
export const EVIDENCE_FIELDS = [
  ...new Set(TICKET_ACTIONS.flatMap((a) => evidenceOf(a) as EvidenceField[])),
] as [EvidenceField, ...EvidenceField[]]

/** How a form shows a field; the client has one widget per kind (`system`: never on a form). */
export const FIELD_KINDS = [
  'photos',
  'deadline',
  'choice',
  'floor',
  'text',
  'rating',
  'amount',
  'system',
] as const
export const FieldKind = z.enum(FIELD_KINDS)
export type FieldKind = z.infer<typeof FieldKind>

/** One field of a form as the server describes it: what it is, how it is shown, its words. */
export const FormField = z.object({
  name: z.enum(EVIDENCE_FIELDS),
  kind: FieldKind,
  /** The field's name on the form (责任部门, 原因). */
  label: z.string(),
  /** What a choice says when there is nothing to choose. */
  empty: z.string().optional(),
})
export type FormField = z.infer<typeof FormField>

/** What the client needs to lay out one allowed action's form. */
export const ActionForm = z.object({
  action: TicketAction,
  fields: z.array(FormField),
})
export type ActionForm = z.infer<typeof ActionForm>

/** One option of a choice field. */
export const Choice = z.object({ id: z.string(), label: z.string() })
export type Choice = z.infer<typeof Choice>

/** A 重大 hazard on the 挂牌督办 board: what its 五定 plan lacks and where its sign-offs stand. */
export const SupervisedItem = TicketSummary.extend({
  planMissing: z.array(z.string()),
  /** The sign-offs in: “安全办 张主任”. */
  signedBy: z.array(z.string()),
  /** The sides still to sign (安全办, 院领导). */
  awaiting: z.array(z.string()),
  /** The viewer may sign it off now. */
  mySignoff: z.boolean(),
})
export type SupervisedItem = z.infer<typeof SupervisedItem>

export const Page = z.object({
  items: z.array(TicketSummary),
  /** Pass back as `before` for the next page; null at the end. */ nextCursor: z
    .string()
    .nullable(),
})
/** A page cursor as the server handed it out, checked completely here (impossible dates are input errors). */
export const Cursor = CursorText.optional()

export const ticketApi = {
  create: { input: CreateTicketInput, output: TicketView },
  get: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: TicketView },
  /**
   * Right after a report or an act whose answer has pending pushes: sends them, counts the ticket
   * and screens its new photos, then answers the fresh view. Readers of the ticket only.
   */
  follow: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: TicketView },
  mine: {
    input: z
      .object({
        limit: z.number().int().min(1).max(50).default(20),
        before: Cursor,
        /** Only what waits for my confirmation (fixed/closed, not yet rated). */
        awaitingConfirm: z.boolean().optional(),
      })
      .strict(),
    output: Page,
  },
  /** A 层长's 待办: the tickets on the floors they hold a captaincy for, whatever their level. */
  inbox: {
    input: z
      .object({
        status: TicketState.optional(),
        limit: z.number().int().min(1).max(50).default(20),
        before: Cursor,
      })
      .strict(),
    output: Page.extend({ counts: z.record(z.number()) }),
  },
  openOnFloor: {
    input: z.object({ floorId: z.string().min(1).max(32) }).strict(),
    output: z.object({
      /** supportable: the machine lets the viewer add "我也看到了" to it now. */
      items: z.array(TicketSummary.extend({ supportable: z.boolean() })),
    }),
  },
  act: { input: ActInput, output: TicketView },
  /** Safety office: reveals an anonymous reporter, with a reason; every reveal is audited. */
  reveal: {
    input: z
      .object({
        id: z.string().min(1).max(64),
        reason: z.string().trim().min(2, '请写明原因').max(200),
      })
      .strict(),
    output: z.object({ reporterName: z.string() }),
  },
  /** 晚间问题清单: a building's day grouped by floor (its 楼长/协管员, the safety office, leadership). */
  evening: {
    input: z
      .object({
        buildingId: z.string().min(1).max(32),
        date: z
          .string()
          .regex(/^\d{4}-\d{2}-\d{2}$/, '日期格式应为 YYYY-MM-DD')
          .refine((d) => !Number.isNaN(Date.parse(`${d}T00:00:00+08:00`)), '日期无效')
          .optional(),
      })
      .strict(),
    output: z.object({
      building: z.object({ id: z.string(), name: z.string() }),
      date: z.string(),
      counts: z.record(z.number()),
      floors: z.array(
        z.object({
          floorId: z.string(),
          floorName: z.string(),
          items: z.array(TicketSummary.extend({ tags: z.array(z.string()) })),
        }),
      ),
    }),
  },
  /** 挂牌督办: 重大 hazards not yet signed off (销号), for the safety office and 院领导. */
  supervised: {
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(SupervisedItem),
      count: z.number(),
      /** The viewer may export the 重大 hazards as XLSX (stats `majors.export`: the safety office). */
      canExport: z.boolean(),
    }),
  },
  /** Safety office: open hazards whose owner and chain could not be pushed (安全办看板). */
  board: {
    input: z.object({}).strict(),
    output: z.object({ items: z.array(TicketSummary), count: z.number() }),
  },
}
