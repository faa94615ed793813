// What the ladder does when a ticket's step falls due: the system's act, with its reason in words.
import { hospitalTime } from '../../../types/time'
import type { ActInput } from '../../../types/api/ticket'
import type { TicketDoc } from '../ticket/domain/ticket'
import { minutesBetween } from './domain/sla'

const hoursBetween = (a: Date, b: Date) =>
  Math.max(1, Math.round((b.getTime() - a.getTime()) / 3600_000))

/** The system's act for a ticket whose step is due, or null when nothing is to be done. */
export function actForDue(t: TicketDoc, now: Date): ActInput | null {
  const base = { id: t._id, version: t.version }
  const started = new Date(t.stepStartedAt ?? t.createdAt)
  switch (t.dueStep) {
    case 'accept':
      return {
        ...base,
        action: 'escalate',
        reason: `超时 ${minutesBetween(started, now)} 分钟未受理`,
      }
    case 'deadline-remind':
      return {
        ...base,
        action: 'remind',
        target: 'owner',
        reason: `距整改期限还有 ${hoursBetween(now, new Date(t.deadline!))} 小时`,
      }
    case 'deadline':
      return {
        ...base,
        action: 'overdue',
        reason: `限期整改已逾期（期限 ${hospitalTime(t.deadline).format('MM-DD HH:mm')}）`,
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
