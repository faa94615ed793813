// What the ladder does when a ticket's step falls due: the system's act, with its reason in words.
import type { ActInput } from '../../../types/api/ticket'
import { deadlineText } from '../../../types/deadline'
import type { TicketDoc } from '../ticket/domain/ticket'
import { allHours, businessMinutesBetween, NO_QUIET, type QuietHours } from './domain/sla'

const hoursBetween = (a: Date, b: Date) =>
  Math.max(1, Math.round((b.getTime() - a.getTime()) / 3600_000))

/** The system's act for a ticket whose step is due, or null when nothing is to be done. */
export function actForDue(t: TicketDoc, now: Date, quiet: QuietHours = NO_QUIET): ActInput | null {
  const base = { id: t._id, version: t.version }
  const started = new Date(t.stepStartedAt ?? t.createdAt)
  switch (t.dueStep) {
    case 'accept':
      return {
        ...base,
        action: 'escalate',
        // Business time: the quiet hours a non-urgent window paused through are not held against it.
        reason: `超时 ${businessMinutesBetween(started, now, quiet, allHours(t))} 分钟未受理`,
      }
    case 'deadline-remind':
      return {
        ...base,
        action: 'remind',
        target: 'owner',
        // Short enough for a template's 20-character field, and it names the deadline itself.
        reason: `期限${deadlineText(t.deadline!)}，剩${hoursBetween(now, new Date(t.deadline!))}小时`,
      }
    case 'deadline':
      return {
        ...base,
        action: 'overdue',
        reason: `整改逾期（期限 ${deadlineText(t.deadline!)}）`,
      }
    case 'verify-remind':
    case 'verify-escalate':
      return {
        ...base,
        action: 'remind',
        target: t.dueStep === 'verify-remind' ? 'verifier' : 'verifier-above',
        reason: `整改完成已 ${hoursBetween(started, now)} 小时未复核`,
      }
    default:
      return null
  }
}

/**
 * When the system's act on a due ticket is recorded: 逾期 at the deadline itself (or at the ticket's
 * last change, should that be later), anything else when it is taken.
 */
export function actedAt(t: TicketDoc, now: Date): Date {
  if (t.dueStep !== 'deadline' || !t.deadline) return now
  const at = Math.max(new Date(t.deadline).getTime(), new Date(t.updatedAt).getTime())
  return new Date(Math.min(at, now.getTime()))
}
