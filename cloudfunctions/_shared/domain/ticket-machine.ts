// The ticket's transitions as data: which action moves which states to which, who may take it,
// and what evidence it needs. Pure: no SDK, no clock but the one passed in.
//
// Choices (DESIGN.md "The ticket"):
// - Fixing on the spot ends at `fixed` (立行立改·已办结); deferred work goes rectifying → reviewing →
//   `closed` (已销号) once someone above the owner, or the safety office, verifies it.
// - The reporter confirms and rates a `fixed` or `closed` ticket once per cycle; within 7 days of the
//   resolution they may reopen it instead, which starts a new cycle (the journal keeps the old one).
// - "above" means anyone later in the floor's escalation chain than the ticket's current level.
import { OPEN_STATES, type TicketAction, type TicketState } from '../../../types/ticket'

/** How the caller stands towards a ticket; computed by the caller from roles, duties and the ticket. */
export type Relation = 'reporter' | 'owner' | 'above' | 'safety' | 'staff'

export type Evidence =
  | 'afterPhotos'
  | 'deadline'
  | 'department'
  | 'plan'
  | 'reason'
  | 'target'
  | 'duplicateOf'
  | 'rating'

export interface Transition {
  from: readonly TicketState[]
  /** undefined: the state does not change. */
  to?: TicketState
  who: readonly Relation[]
  evidence: readonly Evidence[]
}

const HANDLERS: readonly Relation[] = ['owner', 'above', 'safety']
const OPEN = OPEN_STATES
const UNRESOLVED: readonly TicketState[] = ['pending', 'processing']

export const TRANSITIONS: Record<TicketAction, Transition> = {
  accept: { from: ['pending'], to: 'processing', who: HANDLERS, evidence: [] },
  fix: { from: UNRESOLVED, to: 'fixed', who: HANDLERS, evidence: ['afterPhotos'] },
  defer: {
    from: UNRESOLVED,
    to: 'rectifying',
    who: HANDLERS,
    evidence: ['deadline', 'department', 'plan'],
  },
  complete: { from: ['rectifying'], to: 'reviewing', who: HANDLERS, evidence: ['afterPhotos'] },
  verify: { from: ['reviewing'], to: 'closed', who: ['above', 'safety'], evidence: [] },
  sendBack: {
    from: ['reviewing'],
    to: 'rectifying',
    who: ['above', 'safety'],
    evidence: ['reason'],
  },
  transfer: { from: UNRESOLVED, to: 'pending', who: HANDLERS, evidence: ['target', 'reason'] },
  escalate: { from: ['pending', 'processing', 'rectifying'], who: HANDLERS, evidence: ['reason'] },
  reject: { from: UNRESOLVED, to: 'rejected', who: HANDLERS, evidence: ['reason'] },
  duplicate: {
    from: UNRESOLVED,
    to: 'duplicate',
    who: HANDLERS,
    evidence: ['duplicateOf', 'reason'],
  },
  confirm: { from: ['fixed', 'closed'], who: ['reporter'], evidence: ['rating'] },
  reopen: {
    from: ['fixed', 'closed', 'rejected'],
    to: 'pending',
    who: ['reporter'],
    evidence: ['reason'],
  },
  support: { from: OPEN, who: ['staff'], evidence: [] },
}

export const REOPEN_WINDOW_DAYS = 7

/** The facts about a ticket the guards need. */
export interface TicketFacts {
  status: TicketState
  level: number
  rated: boolean
  supporterIds: readonly string[]
  resolvedAt?: Date | null
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
  const t = TRANSITIONS[action]
  if (!t.who.some((r) => relations.has(r)))
    return { ok: false, code: 'auth.forbidden', reason: `你不能对这条隐患进行“${action}”操作` }
  if (!t.from.includes(ticket.status))
    return { ok: false, code: 'ticket.invalid_transition', reason: `隐患当前状态不能进行这个操作` }
  if (action === 'escalate' && ticket.level >= 3)
    return { ok: false, code: 'ticket.invalid_transition', reason: '已由安全办处理，无法再升级' }
  if (action === 'confirm' && ticket.rated)
    return { ok: false, code: 'ticket.invalid_transition', reason: '你已经评价过了' }
  if (action === 'support') {
    if (relations.has('reporter'))
      return { ok: false, code: 'ticket.invalid_transition', reason: '这是你自己上报的隐患' }
    if (ticket.supporterIds.includes(actorId))
      return { ok: false, code: 'ticket.invalid_transition', reason: '你已经点过“我也看到了”' }
  }
  if (action === 'reopen') {
    const since = ticket.resolvedAt ? now.getTime() - ticket.resolvedAt.getTime() : Infinity
    if (since > REOPEN_WINDOW_DAYS * 86400_000)
      return {
        ok: false,
        code: 'ticket.invalid_transition',
        reason: `办结超过 ${REOPEN_WINDOW_DAYS} 天，请重新上报`,
      }
  }
  return { ok: true, to: t.to ?? ticket.status }
}

/** The actions the caller may take now, for the client to render as buttons. */
export function allowedActions(
  ticket: TicketFacts,
  relations: ReadonlySet<Relation>,
  actorId: string,
  now: Date,
): TicketAction[] {
  return (Object.keys(TRANSITIONS) as TicketAction[]).filter(
    (a) => check(a, ticket, relations, actorId, now).ok,
  )
}
