// What a caller sees of a ticket: anonymous reporters stay anonymous to captains.
import {
  ACTION_LABELS,
  LEVEL_LABELS,
  OPEN_STATES,
  STATE_LABELS,
  type TicketAction,
} from '../../../types/ticket'
import type { ActionForm, TicketSummary, TicketView } from '../../../types/api/ticket'
import type { Relation } from './domain/machine'
import type { EventDoc, TicketDoc } from './domain/ticket'
import type { ReachLine } from '../notify/reach'
import { standingOf } from './domain/standing'
import {
  GRADE_LABELS,
  PLAN_PARTS,
  SIGNOFF_SIDES,
  missingPlanParts,
  type Grade,
} from '../../../types/grade'

const gradeOf = (t: TicketDoc): Grade => t.grade ?? 'general'

const iso = (d: Date | null | undefined): string | null => (d ? new Date(d).toISOString() : null)

/** Builds the client view of a ticket for one caller. */
export function toView(
  t: TicketDoc,
  opts: {
    viewerId: string
    relations: Set<Relation>
    events: EventDoc[]
    allowedActions: TicketAction[]
    forms: ActionForm[]
    choices: TicketView['choices']
    reach: ReachLine[]
    photoUrls: Record<string, string>
    /** The server's time as it answers. */
    now: Date
  },
): TicketView {
  // Anonymous means anonymous to everyone but the reporter; the safety office must reveal it on
  // purpose (ticket.reveal), and every reveal is in the audit log.
  const seesReporter = !t.anonymous || opts.relations.has('reporter')
  return {
    id: t._id,
    status: t.status,
    statusLabel: STATE_LABELS[t.status],
    floorId: t.floorId,
    place: t.place,
    spot: t.spot,
    categoryId: t.categoryId,
    categoryName: t.categoryName,
    severity: t.severity,
    grade: gradeOf(t),
    gradeLabel: GRADE_LABELS[gradeOf(t)],
    majorPlan: t.majorPlan
      ? {
          responsibleName: t.majorPlan.responsibleName,
          measures: t.majorPlan.measures,
          funds: t.majorPlan.funds,
          deadline: iso(new Date(t.majorPlan.deadline))!,
          contingency: t.majorPlan.contingency,
          by: t.majorPlan.by,
          at: iso(new Date(t.majorPlan.at))!,
        }
      : null,
    planMissing: planMissingOf(t),
    signoffs: (t.signoffs ?? []).map((s) => ({
      side: s.side,
      sideLabel: SIGNOFF_SIDES[s.side],
      name: s.name,
      opinion: s.opinion,
      at: iso(new Date(s.at))!,
    })),
    description: t.description,
    photos: t.photos,
    afterPhotos: t.afterPhotos,
    photoUrls: opts.photoUrls,
    reporterName: seesReporter ? t.reporterName : null,
    anonymous: t.anonymous,
    canReveal: t.anonymous && !seesReporter && opts.relations.has('safety'),
    mine: t.reporterId === opts.viewerId,
    level: t.level,
    levelLabel: LEVEL_LABELS[t.level] ?? '',
    ownerName: t.ownerName,
    deadline: iso(t.deadline),
    dueAt: iso(t.dueAt),
    dueStep: t.dueStep ?? null,
    overdue: Boolean(t.overdue),
    escalationNote: t.escalationNote ?? null,
    standing: standingOf(t, opts.now),
    rating: t.rating,
    supportCount: t.supporterIds.length,
    supportedByMe: t.supporterIds.includes(opts.viewerId),
    version: t.version,
    createdAt: iso(t.createdAt)!,
    updatedAt: iso(t.updatedAt)!,
    allowedActions: opts.allowedActions,
    forms: opts.forms,
    choices: opts.choices,
    reach: opts.reach,
    departmentName: t.departmentName ?? null,
    duplicateOf: t.duplicateOf ?? null,
    duplicateIds: t.duplicateIds ?? [],
    events: opts.events.map((e) => ({
      seq: e.seq,
      action: e.action,
      label:
        e.action === 'create' ? '上报隐患' : (ACTION_LABELS[e.action as TicketAction] ?? e.action),
      from: e.from,
      to: e.to,
      // An anonymous reporter stays anonymous on every line of the record, not only the report.
      actorName: e.actorId === t.reporterId && !seesReporter ? '匿名上报人' : e.actorName,
      at: new Date(e.at).toISOString(),
      note: e.note,
      photos: e.photos,
    })),
    now: opts.now.toISOString(),
  }
}

/** The names of the 五定 a 重大 hazard still lacks (none for a general one). */
export function planMissingOf(t: TicketDoc): string[] {
  return gradeOf(t) === 'major' ? missingPlanParts(t.majorPlan).map((p) => PLAN_PARTS[p]) : []
}

/** Open and past due: the SLA's flag or due time, or a 限期整改 deadline that passed. */
export function isOverdue(t: TicketDoc, now: Date): boolean {
  if (!(OPEN_STATES as readonly string[]).includes(t.status)) return false
  if (t.overdue === true) return true
  if (t.dueAt && new Date(t.dueAt) < now) return true
  return t.status === 'rectifying' && Boolean(t.deadline) && new Date(t.deadline!) < now
}

/** The list item of a ticket for one viewer; `thumbUrl` is the first photo's displayable URL. */
export function toSummary(
  t: TicketDoc,
  viewerId: string,
  opts: { thumbUrl?: string | null; now?: Date } = {},
): TicketSummary {
  return {
    id: t._id,
    status: t.status,
    statusLabel: STATE_LABELS[t.status],
    place: t.spot ? `${t.place} · ${t.spot}` : t.place,
    area: t.place,
    floorId: t.floorId,
    categoryName: t.categoryName,
    grade: gradeOf(t),
    gradeLabel: GRADE_LABELS[gradeOf(t)],
    description: t.description,
    createdAt: new Date(t.createdAt).toISOString(),
    updatedAt: new Date(t.updatedAt).toISOString(),
    supportCount: t.supporterIds.length,
    supportedByMe: t.supporterIds.includes(viewerId),
    level: t.level,
    photos: t.photos,
    mine: t.reporterId === viewerId,
    ownerName: t.ownerName,
    owned: t.ownerId === viewerId,
    dueAt: iso(t.dueAt),
    dueStep: t.dueStep ?? null,
    escalationNote: t.escalationNote ?? null,
    standing: standingOf(t, opts.now ?? new Date()),
    overdue: isOverdue(t, opts.now ?? new Date()),
    thumbUrl: opts.thumbUrl ?? null,
    awaitingConfirm:
      t.reporterId === viewerId && (t.status === 'fixed' || t.status === 'closed') && !t.rated,
  }
}
