// The SLA ladder as pure functions over a passed clock: what a ticket is waiting for next and by
// when (accept, a deadline reminder, the deadline, verification), and the quiet hours in which
// non-urgent pushes and escalations wait for the morning. Times are judged in Asia/Shanghai.
import { hospitalTime } from '../../../../types/time'
import type { TicketState } from '../../../../types/ticket'
import type { TicketDoc } from '../../ticket/domain/ticket'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** What a ticket waits for next. */
export type DueStep =
  'accept' | 'deadline-remind' | 'deadline' | 'verify-remind' | 'verify-escalate'

/** The SLA facts of a ticket the ladder needs. */
export interface SlaFacts {
  status: TicketState
  level: number
  urgent?: boolean
  /** Minutes the owner has to accept at each level (from the category, per severity). */
  responseMinutes: number
  deadline?: Date | null
  overdue?: boolean
  /** When the current step began: the report, the escalation, the deferral, the completion. */
  stepStartedAt: Date
  /** Reminders already sent in this step. */
  reminders?: number
}

export interface Due {
  dueAt: Date | null
  dueStep: DueStep | null
}

/** How long completed work may wait in 待复核 before the verifier is reminded, then the level above. */
export const VERIFY_REMIND_AFTER = 24 * HOUR
export const VERIFY_ESCALATE_AFTER = 48 * HOUR
/** A deadline shorter than this from the deferral also gets a 2-hour reminder. */
export const SHORT_DEADLINE = 48 * HOUR

/** The next thing a ticket waits for, and when it is due. */
export function nextDue(t: SlaFacts): Due {
  const start = new Date(t.stepStartedAt).getTime()
  const reminders = t.reminders ?? 0
  switch (t.status) {
    case 'pending':
      return t.level >= 3
        ? none
        : { dueAt: new Date(start + t.responseMinutes * MINUTE), dueStep: 'accept' }
    case 'rectifying': {
      if (!t.deadline || t.overdue) return none
      const deadline = new Date(t.deadline).getTime()
      const marks = reminderMarks(start, deadline)
      const next = marks[reminders]
      return next !== undefined
        ? { dueAt: new Date(next), dueStep: 'deadline-remind' }
        : { dueAt: new Date(deadline), dueStep: 'deadline' }
    }
    case 'reviewing':
      if (reminders === 0)
        return { dueAt: new Date(start + VERIFY_REMIND_AFTER), dueStep: 'verify-remind' }
      if (reminders === 1 && t.level < 2)
        return { dueAt: new Date(start + VERIFY_ESCALATE_AFTER), dueStep: 'verify-escalate' }
      return none
    default:
      return none
  }
}

const none: Due = { dueAt: null, dueStep: null }

/** Reminder times before a deadline: 24 h before, and 2 h before for short deadlines. */
export function reminderMarks(deferredAt: number, deadline: number): number[] {
  const marks = [deadline - 24 * HOUR]
  if (deadline - deferredAt < SHORT_DEADLINE) marks.push(deadline - 2 * HOUR)
  return marks.filter((m) => m > deferredAt).sort((a, b) => a - b)
}

/** Quiet hours as "HH:mm-HH:mm" local time (default 22:00-07:00). */
export interface QuietHours {
  start: number
  end: number
}

/** Parses "22:00-07:00" ("off": none); falls back to the default on anything else. */
export function parseQuietHours(spec: string | undefined): QuietHours {
  if ((spec ?? '').trim() === 'off') return { start: 0, end: 0 }
  const m = /^(\d{1,2}):(\d{2})-(\d{1,2}):(\d{2})$/.exec((spec ?? '').trim())
  if (!m) return { start: 22 * 60, end: 7 * 60 }
  const start = Number(m[1]) * 60 + Number(m[2])
  const end = Number(m[3]) * 60 + Number(m[4])
  return start < 24 * 60 && end < 24 * 60 ? { start, end } : { start: 22 * 60, end: 7 * 60 }
}

function minuteOfDay(at: Date): number {
  const d = hospitalTime(at)
  return d.hour() * 60 + d.minute()
}

/** Whether `at` falls in the quiet hours. */
export function isQuiet(at: Date, quiet: QuietHours): boolean {
  const m = minuteOfDay(at)
  return quiet.start <= quiet.end
    ? m >= quiet.start && m < quiet.end
    : m >= quiet.start || m < quiet.end
}

/** When something non-urgent due at `at` may happen: at once, or when the quiet hours end. */
export function notBefore(at: Date, quiet: QuietHours, urgent: boolean): Date {
  if (urgent || !isQuiet(at, quiet)) return at
  const local = hospitalTime(at)
  let end = local.startOf('day').add(quiet.end, 'minute')
  if (!end.isAfter(local)) end = end.add(1, 'day')
  return end.toDate()
}

/** The local calendar day of a moment, `YYYY-MM-DD`. */
export function localDay(at: Date): string {
  return hospitalTime(at).format('YYYY-MM-DD')
}

/** The start of the local day of a moment, as a Date. */
export function startOfLocalDay(at: Date): Date {
  return hospitalTime(at).startOf('day').toDate()
}

/** Minutes from `a` to `b`, rounded towards zero. */
export function minutesBetween(a: Date, b: Date): number {
  return Math.trunc((b.getTime() - a.getTime()) / MINUTE)
}

/** The SLA fields of a ticket after a change: a new step restarts the clock and its reminders. */
export function slaPatch(
  before: Pick<TicketDoc, 'status' | 'level' | 'cycle'>,
  after: TicketDoc,
  now: Date,
): Pick<TicketDoc, 'stepStartedAt' | 'reminders' | 'dueAt' | 'dueStep'> {
  const newStep =
    before.status !== after.status || before.level !== after.level || before.cycle !== after.cycle
  const stepStartedAt = newStep ? now : new Date(after.stepStartedAt ?? after.createdAt)
  const reminders = newStep ? 0 : (after.reminders ?? 0)
  const due = nextDue({
    status: after.status,
    level: after.level,
    urgent: after.urgent,
    responseMinutes: after.responseMinutes ?? DEFAULT_RESPONSE_MINUTES,
    deadline: after.deadline,
    overdue: after.overdue,
    stepStartedAt,
    reminders,
  })
  return { stepStartedAt, reminders, dueAt: due.dueAt, dueStep: due.dueStep }
}

/** For tickets reported before categories carried response minutes. */
export const DEFAULT_RESPONSE_MINUTES = 120

/** A category's SLA data (editable in `categories`). */
export interface CategorySla {
  severity: string
  urgent?: boolean
  responseMinutes?: Partial<Record<string, number>>
}

/** Minutes to accept a hazard of a category at its severity. */
export function responseMinutesOf(category: CategorySla, severity = category.severity): number {
  const minutes = category.responseMinutes?.[severity]
  if (typeof minutes === 'number' && minutes > 0) return minutes
  return category.urgent ? URGENT_RESPONSE_MINUTES : DEFAULT_RESPONSE_MINUTES
}

export const URGENT_RESPONSE_MINUTES = 15
