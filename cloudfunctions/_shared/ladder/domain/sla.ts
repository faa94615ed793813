// The SLA ladder as pure functions over a passed clock: what a ticket is waiting for next and by
// when (accept, a deadline reminder, the deadline, verification), and the quiet hours in which
// non-urgent pushes and escalations wait for the morning. Times are judged in Asia/Shanghai.
//
// Business time: a non-urgent hazard's response window runs only outside the quiet hours (reported
// at 23:00, it is due at 07:00 plus its window; a window that reaches the quiet hours pauses through
// them); urgent ones run around the clock. Deadline reminders land in waking hours and never later
// than promised (a mark in the quiet hours moves to the evening before); the deadline itself is
// kept to the second, whatever the hour: only its push waits for the morning.
import { hospitalTime } from '../../../../types/time'
import type { TicketState } from '../../../../types/ticket'
import type { Grade } from '../../../../types/grade'
import type { TicketDoc } from '../../ticket/domain/ticket'

const MINUTE = 60_000
const HOUR = 60 * MINUTE

/** What a hazard that never waits for quiet hours has stored: any one of these. */
export const ALL_HOURS: ReadonlyArray<{ urgent: true } | { grade: Grade }> = [
  { urgent: true },
  { grade: 'major' },
]

/**
 * The one rule for who runs around the clock: urgent categories and 重大 hazards — their response
 * windows, reminders, escalations and pushes never wait for quiet hours.
 */
export function allHours(t: { urgent?: boolean; grade?: Grade }): boolean {
  return ALL_HOURS.some((m) =>
    Object.entries(m).every(([k, v]) => (t as Record<string, unknown>)[k] === v),
  )
}

/** What a ticket waits for next. */
export type DueStep =
  'accept' | 'deadline-remind' | 'deadline' | 'verify-remind' | 'verify-escalate'

/** The SLA facts of a ticket the ladder needs. */
export interface SlaFacts {
  status: TicketState
  level: number
  urgent?: boolean
  grade?: Grade
  /** Minutes the owner has to accept at each level (from the category, per severity). */
  responseMinutes: number
  deadline?: Date | null
  overdue?: boolean
  /** When the current step began: the report, the escalation, the deferral, the completion. */
  stepStartedAt: Date
  /** Reminders already sent in this step. */
  reminders?: number
  /** The quiet hours business time skips (absent: none, everything runs around the clock). */
  quiet?: QuietHours
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
  const start = new Date(t.stepStartedAt)
  const reminders = t.reminders ?? 0
  const quiet = t.quiet ?? NO_QUIET
  const urgent = allHours(t)
  switch (t.status) {
    case 'pending':
      return t.level >= 3
        ? none
        : {
            dueAt: addBusinessMinutes(start, t.responseMinutes, quiet, urgent),
            dueStep: 'accept',
          }
    case 'rectifying': {
      if (!t.deadline || t.overdue) return none
      const deadline = new Date(t.deadline).getTime()
      const marks = reminderMarks(start.getTime(), deadline, quiet, urgent)
      const next = marks[reminders]
      return next !== undefined
        ? { dueAt: new Date(next), dueStep: 'deadline-remind' }
        : { dueAt: new Date(deadline), dueStep: 'deadline' }
    }
    case 'reviewing':
      if (reminders === 0)
        return {
          dueAt: notBefore(new Date(start.getTime() + VERIFY_REMIND_AFTER), quiet, urgent),
          dueStep: 'verify-remind',
        }
      if (reminders === 1 && t.level < 2)
        return { dueAt: verifyDueAt(start, quiet, urgent), dueStep: 'verify-escalate' }
      return none
    default:
      return none
  }
}

/** When completed work must have been verified before it goes to the level above. */
export function verifyDueAt(completedAt: Date, quiet: QuietHours, urgent: boolean): Date {
  return notBefore(new Date(new Date(completedAt).getTime() + VERIFY_ESCALATE_AFTER), quiet, urgent)
}

const none: Due = { dueAt: null, dueStep: null }

/**
 * Reminder times before a deadline: 24 h before, and 2 h before for short deadlines; for non-urgent
 * work a mark in the quiet hours moves to the last waking minute before them, never after.
 */
export function reminderMarks(
  deferredAt: number,
  deadline: number,
  quiet: QuietHours = NO_QUIET,
  urgent = false,
): number[] {
  const marks = [deadline - 24 * HOUR]
  if (deadline - deferredAt < SHORT_DEADLINE) marks.push(deadline - 2 * HOUR)
  const waking = marks.map((m) => {
    // On the minute: the sweep runs once a minute, and 21:59:30 would only be seen at 22:00.
    const onMinute = new Date(Math.floor(m / MINUTE) * MINUTE)
    return (urgent ? onMinute : lastWakingAtOrBefore(onMinute, quiet)).getTime()
  })
  return [...new Set(waking)].filter((m) => m > deferredAt).sort((a, b) => a - b)
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
  return quietEndAfter(at, quiet)
}

/** No quiet hours (`QUIET_HOURS=off`): business time is wall time. */
export const NO_QUIET: QuietHours = { start: 0, end: 0 }

const hasQuiet = (quiet: QuietHours) => quiet.start !== quiet.end

/** The end of the quiet hours `at` falls in. */
function quietEndAfter(at: Date, quiet: QuietHours): Date {
  const local = hospitalTime(at)
  let end = local.startOf('day').add(quiet.end, 'minute')
  if (!end.isAfter(local)) end = end.add(1, 'day')
  return end.toDate()
}

/** The first start of the quiet hours after `at`. */
function quietStartAfter(at: Date, quiet: QuietHours): Date {
  const local = hospitalTime(at)
  let start = local.startOf('day').add(quiet.start, 'minute')
  if (!start.isAfter(local)) start = start.add(1, 'day')
  return start.toDate()
}

/** `at` itself when it is waking time, else the last waking minute before its quiet hours began. */
export function lastWakingAtOrBefore(at: Date, quiet: QuietHours): Date {
  if (!isQuiet(at, quiet)) return at
  const local = hospitalTime(at)
  let start = local.startOf('day').add(quiet.start, 'minute')
  if (start.isAfter(local)) start = start.subtract(1, 'day')
  return start.subtract(1, 'minute').toDate()
}

/**
 * The moment a window of `minutes` that opens at `start` closes: wall time for urgent work, else
 * business time, which pauses through the quiet hours (a window opening in them starts at their end).
 */
export function addBusinessMinutes(
  start: Date,
  minutes: number,
  quiet: QuietHours,
  urgent: boolean,
): Date {
  if (urgent || !hasQuiet(quiet)) return new Date(start.getTime() + minutes * MINUTE)
  let at = notBefore(start, quiet, false).getTime()
  let left = minutes * MINUTE
  for (;;) {
    const pause = quietStartAfter(new Date(at), quiet).getTime()
    // A window that ends as the quiet hours begin is acted on when they end.
    if (at + left < pause) return new Date(at + left)
    left -= pause - at
    at = quietEndAfter(new Date(pause), quiet).getTime()
  }
}

/** Minutes of business time from `a` to `b` (wall minutes for urgent work), rounded towards zero. */
export function businessMinutesBetween(
  a: Date,
  b: Date,
  quiet: QuietHours,
  urgent: boolean,
): number {
  if (urgent || !hasQuiet(quiet)) return minutesBetween(a, b)
  const end = b.getTime()
  let at = a.getTime()
  let total = 0
  while (at < end) {
    if (isQuiet(new Date(at), quiet)) {
      at = quietEndAfter(new Date(at), quiet).getTime()
      continue
    }
    const until = Math.min(end, quietStartAfter(new Date(at), quiet).getTime())
    total += until - at
    at = until
  }
  return Math.trunc(total / MINUTE)
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
  quiet: QuietHours,
): Pick<TicketDoc, 'stepStartedAt' | 'reminders' | 'dueAt' | 'dueStep'> {
  const newStep =
    before.status !== after.status || before.level !== after.level || before.cycle !== after.cycle
  const stepStartedAt = newStep ? now : new Date(after.stepStartedAt ?? after.createdAt)
  const reminders = newStep ? 0 : (after.reminders ?? 0)
  const due = nextDue({
    status: after.status,
    level: after.level,
    urgent: after.urgent,
    grade: after.grade,
    responseMinutes: after.responseMinutes ?? DEFAULT_RESPONSE_MINUTES,
    deadline: after.deadline,
    overdue: after.overdue,
    stepStartedAt,
    reminders,
    quiet,
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
