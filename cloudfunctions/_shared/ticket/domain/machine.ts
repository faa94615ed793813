// The ticket's transitions as data: one row per action holds its whole rule — from which states,
// to which, who may take it, when it is offered, and its effect (`apply`: the patch, the journal
// event and the pushes). The evidence an action needs is its input schema (types/api/ticket.ts
// ACT_INPUTS); the evidence registry (ticket/evidence.ts) resolves each looked-up field into
// `world.found`, and a row's `needs` names the owners it hands the ticket to. Pure: no SDK, no clock
// but the one passed in.
//
// Choices (DESIGN.md "The ticket"):
// - Fixing on the spot ends at `fixed` (立行立改·已办结); deferred work goes rectifying → reviewing →
//   `closed` (已销号) once someone above the owner, or the safety office, verifies it.
// - The reporter confirms and rates a `fixed` or `closed` ticket once per cycle; within 7 days of the
//   resolution they may reopen it instead, which starts a new cycle (the journal keeps the old one).
// - "above" means anyone later in the floor's escalation chain than the ticket's current level;
//   "below" anyone earlier: escalation brings a supervisor in (督办), it does not take the floor away,
//   so the captains below keep working it. Verifying stays above the owner (or the safety office),
//   and nobody but the safety office verifies work they completed themselves. Escalating further
//   stays with the holder and those above.
// - `system` is the actor of timers and platform callbacks; it goes through the same rows.
// - A 重大 hazard (types/grade.ts) is never fixed on the spot: it is deferred once its 五定 plan is
//   complete, and its completed work is not verified by one person but signed off (销号) by the
//   safety office and a 院领导; the second sign-off closes it (reviewing → closed, 已销号). Only the
//   safety office may change a grade, or find a 重大 hazard needs no handling.
import { hospitalTime } from '../../../../types/time'
import {
  LEVEL_LABELS,
  OPEN_STATES,
  type TicketAction,
  type TicketState,
} from '../../../../types/ticket'
import type { ActOf } from '../../../../types/api/ticket'
import {
  GRADE_LABELS,
  PLAN_PARTS,
  SIGNOFF_SIDES,
  missingPlanParts,
  type Grade,
  type PlanPart,
  type SignoffSide,
} from '../../../../types/grade'
import { deadlineText, isWholeDay } from '../../../../types/deadline'
import { ownerAtOrAbove, type OwnerStep } from '../../org/domain/owner-chain'
import { allHours, slaPatch, verifyDueAt, type QuietHours } from '../../ladder/domain/sla'
import type { Actor, EventDoc, TicketDoc } from './ticket'

/** How the caller stands towards a ticket; computed from roles, duties and the ticket. */
export type Relation =
  'reporter' | 'owner' | 'above' | 'below' | 'safety' | 'leader' | 'staff' | 'system'

/** The facts about a ticket the guards need. */
export interface TicketFacts {
  status: TicketState
  level: number
  rated: boolean
  supporterIds: readonly string[]
  resolvedAt?: Date | null
  /** Who resolved the current cycle (fix, verify, reject, duplicate). */
  resolvedBy?: string | null
  /** Who submitted the deferred work for verification (complete). */
  completedBy?: string | null
  overdue?: boolean
  /** 一般 / 重大; absent on tickets reported before grading: general. */
  grade?: Grade
  /** The 五定 the ticket's plan still lacks (all of them without a plan). */
  planMissing?: readonly PlanPart[]
  /** Who has signed the ticket off (销号) in this cycle, and for which side. */
  signoffs?: ReadonlyArray<{ side: SignoffSide; userId: string }>
}

/** A push the transition asks for; the notifier picks the channel. */
export type NotificationKind =
  'assigned' | 'escalated' | 'resolved' | 'reminder' | 'evening' | 'round'
export interface Recipient {
  userId: string
  openid: string
  name: string
  /** The recipient's level in the chain, when they are a captain. */
  level?: number
  /** The roster phone, for the SMS fallback. */
  phone?: string
}
export interface PushRequest {
  kind: NotificationKind
  to: Recipient
  note: string
  /** The moment the template's time field names (上报时间, 处理期限); default: the transition's. */
  time?: Date
}

/** What the door loaded before deciding: everything `apply` may read. */
export interface World {
  now: Date
  /** The quiet hours response windows and reminders keep out of (business time). */
  quiet: QuietHours
  actor: Actor
  /** How the actor stands towards the ticket (a sign-off's side comes from it). */
  relations: ReadonlySet<Relation>
  /** The escalation chain of the ticket's floor, now. */
  chain: readonly OwnerStep[]
  /** The reporter, to tell them their hazard was dealt with. */
  reporter: Recipient | null
  /** What each looked-up evidence field of the input resolved to. */
  found: Partial<Lookups>
}

/** What a looked-up evidence field resolves to; the registry (ticket/evidence.ts) loads each. */
export interface Lookups {
  /** transfer: the target floor, its place name and its chain. */
  targetFloorId: { floorId: string; buildingId: string; place: string; chain: readonly OwnerStep[] }
  /** defer: the responsible department. */
  departmentId: { id: string; name: string }
  /** duplicate: the original ticket. */
  duplicateOf: Pick<TicketDoc, '_id' | 'reporterId' | 'supporterIds' | 'status'>
  /** plan: the person responsible (定责任), a member of staff. */
  responsibleId: { id: string; name: string }
}

/** An owner a row hands the ticket to, who must be on the roster before it is decided. */
export type Need = 'nextLevel' | 'floorOwner' | 'targetOwner'
/** Why a row's need is not met: no one to hand the ticket to. */
export interface UnmetNeed {
  code: 'ticket.invalid_transition' | 'org.not_found'
  reason: string
}
const NEEDS: Record<Need, UnmetNeed & { met: (t: TicketDoc, w: World) => boolean }> = {
  nextLevel: {
    met: (t, w) => Boolean(ownerAtOrAbove(w.chain, t.level + 1)),
    code: 'ticket.invalid_transition',
    reason: '没有更高一级的负责人',
  },
  floorOwner: {
    met: (_t, w) => Boolean(ownerAtOrAbove(w.chain, 0)),
    code: 'org.not_found',
    reason: '这个楼层还没有配置负责人，请联系安全办',
  },
  targetOwner: {
    met: (_t, w) =>
      Boolean(w.found.targetFloorId && ownerAtOrAbove(w.found.targetFloorId.chain, 0)),
    code: 'org.not_found',
    reason: '目标楼层还没有配置负责人，请联系安全办',
  },
}

/** The effect of one transition, decided before anything is written. */
export interface Outcome {
  patch: Partial<TicketDoc>
  event: Pick<EventDoc, 'note' | 'photos' | 'fromOwner' | 'toOwner'>
  notifications: PushRequest[]
  /** duplicate: link the original back and count this ticket's people towards its +1s. */
  link?: { originalId: string; duplicateId: string; supporterIds: string[] }
}

export interface Row<A extends TicketAction> {
  from: readonly TicketState[]
  /** undefined: the state does not change; a function: the state depends on the facts. */
  to?: TicketState | ((t: TicketFacts, relations: ReadonlySet<Relation>) => TicketState)
  who: readonly Relation[]
  /** An extra refusal beyond from/who, with its reason. */
  guard?: (
    t: TicketFacts,
    relations: ReadonlySet<Relation>,
    actorId: string,
    now: Date,
  ) => string | undefined
  /** Whether the action is offered as a button when allowed (default: yes). */
  offered?: (t: TicketFacts) => boolean
  /** The owners it hands the ticket to, who must exist before it is decided. */
  needs?: readonly Need[]
  apply: (t: TicketDoc, input: ActOf<A>, world: World) => Outcome
}

export const REOPEN_WINDOW_DAYS = 7

/** Who works a ticket: its holder, the captains above and below it on the floor's chain, the safety office. */
export const HANDLERS: readonly Relation[] = ['owner', 'above', 'below', 'safety']
/** Who verifies: someone above the holder, or the safety office. */
const VERIFIERS: readonly Relation[] = ['above', 'safety']
/** Nobody verifies their own completion; the safety office, with nobody above it, may. */
const notOwnWork = (t: TicketFacts, relations: ReadonlySet<Relation>, actorId: string) =>
  t.completedBy === actorId && !relations.has('safety') ? '不能复核自己提交的整改' : undefined
const UNRESOLVED: readonly TicketState[] = ['pending', 'processing']

const day = (d: Date): string => hospitalTime(d).format('YYYY-MM-DD')
/** A whole-day deadline reads as its day, a timed one with its time. */
const deadlineWords = (d: Date): string => (isWholeDay(d) ? day(d) : deadlineText(d, true))
const ownerOf = (s: { level: number; name: string }) => ({ level: s.level, name: s.name })
const currentOwner = (t: TicketDoc) => ({ level: t.level, name: t.ownerName })
const label = (s: { level: number; name: string }) => `${LEVEL_LABELS[s.level] ?? ''} ${s.name}`
const recipient = (s: OwnerStep): Recipient => ({
  userId: s.userId,
  openid: s.openid,
  name: s.name,
  level: s.level,
  phone: s.phone,
})
const toReporter = (w: World, note: string): PushRequest[] =>
  w.reporter ? [{ kind: 'resolved', to: w.reporter, note }] : []
/** A new owner for the ticket: who, at which level, and the journal's from → to. */
function handOver(t: TicketDoc, next: OwnerStep) {
  return {
    patch: { level: next.level, ownerId: next.userId, ownerName: next.name },
    event: { fromOwner: currentOwner(t), toOwner: ownerOf(next) },
  }
}
const resolved = (w: World) => ({ resolvedAt: w.now, resolvedBy: w.actor.id })
const isMajor = (t: { grade?: Grade }) => t.grade === 'major'
/** Who signs for each side of a 重大 hazard's sign-off. */
const SIGNS_FOR: Record<SignoffSide, Relation> = { safety: 'safety', leader: 'leader' }
/** The side a caller signs a 重大 hazard off for: the first of theirs not yet signed. */
function signoffSide(t: TicketFacts, relations: ReadonlySet<Relation>): SignoffSide | undefined {
  const signed = new Set((t.signoffs ?? []).map((s) => s.side))
  return (Object.keys(SIGNS_FOR) as SignoffSide[]).find(
    (side) => relations.has(SIGNS_FOR[side]) && !signed.has(side),
  )
}
/** Whether a caller's sign-off would complete both. */
const signsLast = (t: TicketFacts, relations: ReadonlySet<Relation>) =>
  (t.signoffs ?? []).length + (signoffSide(t, relations) ? 1 : 0) >= Object.keys(SIGNS_FOR).length
/** What a 重大 hazard lacks before it may be deferred, in words naming the missing 五定. */
const planRefusal = (t: TicketFacts) =>
  isMajor(t) && (t.planMissing ?? []).length > 0
    ? `重大隐患须先制定五定方案，缺少：${t.planMissing!.map((p) => PLAN_PARTS[p]).join('、')}`
    : undefined

export const TRANSITIONS: { [A in TicketAction]: Row<A> } = {
  accept: {
    from: ['pending'],
    to: 'processing',
    who: HANDLERS,
    apply: (_t, input, w) => ({
      patch: { acceptedAt: w.now },
      event: { note: input.note },
      notifications: [],
    }),
  },
  fix: {
    from: UNRESOLVED,
    to: 'fixed',
    who: HANDLERS,
    guard: (t) => (isMajor(t) ? '重大隐患不能立行立改，请制定五定方案后限期整改' : undefined),
    apply: (t, input, w) => ({
      patch: { afterPhotos: [...t.afterPhotos, ...input.afterPhotos], ...resolved(w) },
      event: { note: input.note, photos: input.afterPhotos },
      notifications: toReporter(w, input.note || '已立行立改'),
    }),
  },
  defer: {
    from: UNRESOLVED,
    to: 'rectifying',
    who: HANDLERS,
    guard: planRefusal,
    apply: (_t, input, w) => ({
      patch: {
        deadline: new Date(input.deadline),
        departmentId: w.found.departmentId!.id,
        departmentName: w.found.departmentId!.name,
        plan: input.plan,
      },
      event: {
        note: `期限 ${deadlineWords(new Date(input.deadline))}，${w.found.departmentId!.name}：${input.plan}`,
      },
      notifications: [],
    }),
  },
  complete: {
    from: ['rectifying'],
    to: 'reviewing',
    who: HANDLERS,
    apply: (t, input, w) => ({
      patch: { afterPhotos: [...t.afterPhotos, ...input.afterPhotos], completedBy: w.actor.id },
      event: { note: input.note, photos: input.afterPhotos },
      notifications: [],
    }),
  },
  verify: {
    from: ['reviewing'],
    to: 'closed',
    who: VERIFIERS,
    guard: (t, relations, actorId) =>
      isMajor(t) ? '重大隐患须由安全办和院领导签字销号' : notOwnWork(t, relations, actorId),
    apply: (_t, input, w) => ({
      patch: resolved(w),
      event: { note: input.note },
      notifications: toReporter(w, input.note || '整改已复核销号'),
    }),
  },
  sendBack: {
    from: ['reviewing'],
    to: 'rectifying',
    who: VERIFIERS,
    guard: notOwnWork,
    apply: (_t, input) => ({
      // Work sent back is signed off afresh once completed again.
      patch: { completedBy: null, signoffs: [] },
      event: { note: input.reason },
      notifications: [],
    }),
  },
  transfer: {
    from: UNRESOLVED,
    to: 'pending',
    who: HANDLERS,
    needs: ['targetOwner'],
    apply: (t, input, w) => {
      const target = w.found.targetFloorId!
      const next = ownerAtOrAbove(target.chain, 0)!
      const owner = handOver(t, next)
      return {
        patch: {
          floorId: target.floorId,
          buildingId: target.buildingId,
          place: target.place,
          ...owner.patch,
        },
        event: { note: `转至 ${target.place}：${input.reason}`, ...owner.event },
        notifications: [{ kind: 'assigned', to: recipient(next), note: input.reason }],
      }
    },
  },
  escalate: {
    from: ['pending', 'processing', 'rectifying'],
    who: ['owner', 'above', 'safety', 'system'],
    guard: (t) => (t.level >= 3 ? '已由安全办处理，无法再升级' : undefined),
    needs: ['nextLevel'],
    apply: (t, input, w) => {
      const next = ownerAtOrAbove(w.chain, t.level + 1)!
      const owner = handOver(t, next)
      const note = `${input.reason}（由 ${label(currentOwner(t))} 升级至 ${label(next)}）`
      return {
        patch: { ...owner.patch, escalationNote: note },
        event: { note, ...owner.event },
        notifications: [
          { kind: 'escalated', to: recipient(next), note: input.reason, time: t.createdAt },
        ],
      }
    },
  },
  reject: {
    from: UNRESOLVED,
    to: 'rejected',
    who: HANDLERS,
    guard: (t, relations) =>
      isMajor(t) && !relations.has('safety') ? '重大隐患须由安全办判定无需处理' : undefined,
    apply: (_t, input, w) => ({
      patch: resolved(w),
      event: { note: input.reason },
      notifications: [],
    }),
  },
  duplicate: {
    from: UNRESOLVED,
    to: 'duplicate',
    who: HANDLERS,
    apply: (t, input, w) => ({
      patch: { duplicateOf: input.duplicateOf, ...resolved(w) },
      event: { note: `与隐患 ${input.duplicateOf.slice(0, 8)} 重复：${input.reason}` },
      notifications: [],
      link: {
        originalId: input.duplicateOf,
        duplicateId: t._id,
        supporterIds: [t.reporterId, ...t.supporterIds].filter(
          (id) => id !== w.found.duplicateOf?.reporterId,
        ),
      },
    }),
  },
  confirm: {
    from: ['fixed', 'closed'],
    who: ['reporter'],
    guard: (t, _r, actorId) => {
      if (t.rated) return '你已经评价过了'
      if (t.resolvedBy === actorId) return '不能评价自己完成的整改'
      return undefined
    },
    apply: (_t, input) => ({
      patch: { rated: true, rating: input.rating },
      event: { note: input.note || `评分 ${input.rating} 星` },
      notifications: [],
    }),
  },
  reopen: {
    from: ['fixed', 'closed', 'rejected'],
    to: 'pending',
    who: ['reporter'],
    guard: (t, _r, _a, now) => {
      const since = t.resolvedAt ? now.getTime() - t.resolvedAt.getTime() : Infinity
      return since > REOPEN_WINDOW_DAYS * 86400_000
        ? `办结超过 ${REOPEN_WINDOW_DAYS} 天，请重新上报`
        : undefined
    },
    // Once rated, the ticket page stops offering it; 我的上报 still can within the window.
    offered: (t) => !t.rated,
    needs: ['floorOwner'],
    apply: (t, input, w) => {
      const next = ownerAtOrAbove(w.chain, 0)!
      const owner = handOver(t, next)
      return {
        patch: {
          cycle: t.cycle + 1,
          ...owner.patch,
          rated: false,
          rating: null,
          resolvedAt: null,
          resolvedBy: null,
          acceptedAt: null,
          completedBy: null,
          escalationNote: null,
          overdue: false,
          afterPhotos: [],
          deadline: null,
          signoffs: [],
        },
        event: { note: input.reason, ...owner.event },
        notifications: [{ kind: 'assigned', to: recipient(next), note: input.reason }],
      }
    },
  },
  remind: {
    from: ['rectifying', 'reviewing'],
    who: ['system'],
    apply: (t, input, w) => {
      // The owner for a deadline; for verification, the first person above the owner, then the next.
      const above = input.target === 'verifier-above' ? 2 : input.target === 'verifier' ? 1 : 0
      const to =
        above === 0
          ? w.chain.find((s) => s.userId === t.ownerId)
          : ownerAtOrAbove(w.chain, t.level + above)
      const target = to ?? ownerAtOrAbove(w.chain, t.level)
      // The template's 处理期限 is the deadline, or when verification goes to the level above.
      const time =
        above === 0 && t.deadline
          ? new Date(t.deadline)
          : verifyDueAt(new Date(t.stepStartedAt ?? t.updatedAt), w.quiet, allHours(t))
      return {
        patch: { reminders: (t.reminders ?? 0) + 1 },
        event: { note: target ? `${input.reason}（已提醒 ${label(target)}）` : input.reason },
        notifications: target
          ? [{ kind: 'reminder', to: recipient(target), note: input.reason, time }]
          : [],
      }
    },
  },
  overdue: {
    from: ['rectifying'],
    who: ['system'],
    guard: (t) => (t.overdue ? '已标记逾期' : undefined),
    apply: (t, input, w) => {
      // Overdue work goes up to the 楼长 (兜底) and the safety office is told.
      const next = t.level < 2 ? ownerAtOrAbove(w.chain, 2) : undefined
      const owner = next ? handOver(t, next) : undefined
      const safety = ownerAtOrAbove(w.chain, 3)
      const pushes: PushRequest[] = []
      const time = t.createdAt
      if (next) pushes.push({ kind: 'escalated', to: recipient(next), note: input.reason, time })
      if (safety && safety.userId !== next?.userId && safety.userId !== t.ownerId)
        pushes.push({ kind: 'escalated', to: recipient(safety), note: input.reason, time })
      const note = next
        ? `${input.reason}（由 ${label(currentOwner(t))} 升级至 ${label(next)}）`
        : input.reason
      return {
        patch: { overdue: true, escalationNote: note, ...owner?.patch },
        event: { note, ...owner?.event },
        notifications: pushes,
      }
    },
  },
  grade: {
    from: OPEN_STATES,
    who: ['safety'],
    apply: (t, input) => ({
      patch: { grade: input.grade },
      event: {
        note: `${GRADE_LABELS[t.grade ?? 'general']} → ${GRADE_LABELS[input.grade]}：${input.reason}`,
      },
      notifications: [],
    }),
  },
  plan: {
    from: ['pending', 'processing', 'rectifying'],
    who: HANDLERS,
    guard: (t) => (isMajor(t) ? undefined : '一般隐患无需五定方案'),
    apply: (_t, input, w) => {
      const person = w.found.responsibleId!
      const plan = {
        responsibleId: person.id,
        responsibleName: person.name,
        measures: input.measures,
        funds: input.funds,
        deadline: new Date(input.deadline),
        contingency: input.contingency,
        by: w.actor.name,
        at: w.now,
      }
      return {
        patch: { majorPlan: plan },
        event: {
          note: `责任人 ${person.name}；措施：${input.measures}；资金 ${input.funds} 元；时限 ${deadlineWords(plan.deadline)}；预案：${input.contingency}`,
        },
        notifications: [],
      }
    },
  },
  signoff: {
    from: ['reviewing'],
    to: (t, relations) => (signsLast(t, relations) ? 'closed' : 'reviewing'),
    who: Object.values(SIGNS_FOR),
    guard: (t, relations, actorId) => {
      if (!isMajor(t)) return '一般隐患由复核销号，无需签字'
      if ((t.signoffs ?? []).some((s) => s.userId === actorId)) return '你已签字销号'
      return signoffSide(t, relations) ? undefined : '安全办和院领导都已签字'
    },
    apply: (t, input, w) => {
      const side = signoffSide(factsOf(t), w.relations)!
      const signoff = {
        side,
        userId: w.actor.id,
        name: w.actor.name,
        opinion: input.opinion,
        at: w.now,
      }
      const last = signsLast(factsOf(t), w.relations)
      return {
        patch: { signoffs: [...(t.signoffs ?? []), signoff], ...(last && resolved(w)) },
        event: { note: `${SIGNOFF_SIDES[side]}签字：${input.opinion}` },
        notifications: last ? toReporter(w, '重大隐患已销号') : [],
      }
    },
  },
  support: {
    from: OPEN_STATES,
    who: ['staff'],
    guard: (t, relations, actorId) => {
      if (relations.has('reporter')) return '这是你自己上报的隐患'
      if (relations.has('leader')) return '院领导督查隐患，无需点“我也看到了”'
      if (HANDLERS.some((r) => relations.has(r))) return '这是你负责处理的隐患'
      if (t.supporterIds.includes(actorId)) return '你已经点过“我也看到了”'
      return undefined
    },
    apply: (t, _input, w) => ({
      patch: { supporterIds: [...t.supporterIds, w.actor.id] },
      event: {},
      notifications: [],
    }),
  },
}

export type Refusal = {
  ok: false
  code: 'auth.forbidden' | 'ticket.invalid_transition'
  reason: string
}
export type Allowed = { ok: true; to: TicketState }

/** Whether `relations` may take `action` on a ticket now, and why not. */
export function check(
  action: TicketAction,
  ticket: TicketFacts,
  relations: ReadonlySet<Relation>,
  actorId: string,
  now: Date,
): Allowed | Refusal {
  const row = TRANSITIONS[action] as Row<TicketAction>
  if (!row.who.some((r) => relations.has(r)))
    return { ok: false, code: 'auth.forbidden', reason: '你不能对这条隐患进行这个操作' }
  if (!row.from.includes(ticket.status))
    return { ok: false, code: 'ticket.invalid_transition', reason: '隐患当前状态不能进行这个操作' }
  const refusal = row.guard?.(ticket, relations, actorId, now)
  if (refusal) return { ok: false, code: 'ticket.invalid_transition', reason: refusal }
  return { ok: true, to: targetOf(row, ticket, relations) }
}

/** The state a row leads to from these facts. */
function targetOf(
  row: Row<TicketAction>,
  t: TicketFacts,
  relations: ReadonlySet<Relation>,
): TicketState {
  return typeof row.to === 'function' ? row.to(t, relations) : (row.to ?? t.status)
}

/** The actions the caller may take now and is offered as buttons. */
export function allowedActions(
  ticket: TicketFacts,
  relations: ReadonlySet<Relation>,
  actorId: string,
  now: Date,
): TicketAction[] {
  return (Object.keys(TRANSITIONS) as TicketAction[]).filter(
    (a) =>
      check(a, ticket, relations, actorId, now).ok &&
      ((TRANSITIONS[a] as Row<TicketAction>).offered?.(ticket) ?? true),
  )
}

/** The first owner `action` hands the ticket to who is not on the roster, if any. */
export function unmetNeed(action: TicketAction, t: TicketDoc, w: World): UnmetNeed | undefined {
  const need = (TRANSITIONS[action] as Row<TicketAction>).needs?.find((n) => !NEEDS[n].met(t, w))
  return need ? { code: NEEDS[need].code, reason: NEEDS[need].reason } : undefined
}

/** Decides one transition: the patch (with state, version and time), the event and the pushes. */
export function decide<A extends TicketAction>(
  action: A,
  t: TicketDoc,
  input: ActOf<A>,
  world: World,
): Outcome & { to: TicketState } {
  const row = TRANSITIONS[action] as unknown as Row<A>
  const outcome = row.apply(t, input, world)
  const to = targetOf(row as unknown as Row<TicketAction>, factsOf(t), world.relations)
  const patch = { ...outcome.patch, status: to, version: t.version + 1, updatedAt: world.now }
  // Every change sets what the ticket waits for next (the SLA ladder reads dueAt).
  const sla = slaPatch(t, { ...t, ...patch }, world.now, world.quiet)
  return { ...outcome, to, patch: { ...patch, ...sla } }
}

/** The guard facts of a stored ticket. */
export function factsOf(t: TicketDoc): TicketFacts {
  return {
    status: t.status,
    level: t.level,
    rated: t.rated,
    supporterIds: t.supporterIds,
    resolvedAt: t.resolvedAt ? new Date(t.resolvedAt) : null,
    resolvedBy: t.resolvedBy ?? null,
    completedBy: t.completedBy ?? null,
    overdue: Boolean(t.overdue),
    grade: t.grade ?? 'general',
    planMissing: missingPlanParts(t.majorPlan),
    signoffs: (t.signoffs ?? []).map((s) => ({ side: s.side, userId: s.userId })),
  }
}
