// Where an open ticket stands, in the words a captain reads on its row and its page: who it climbed
// to ("已升级至 楼长 蔡芳 · 督办中") and how late its deferred work is ("逾期 2 天"). Pure.
import { hospitalTime } from '../../../../types/time'
import { LEVEL_LABELS, OPEN_STATES, type TicketState } from '../../../../types/ticket'
import type { TicketDoc } from './ticket'

type Standing = Pick<TicketDoc, 'status' | 'level' | 'ownerName' | 'deadline' | 'overdue'>

/** Whole hospital days from the deadline's day to today, at least one once it has passed. */
function daysLate(deadline: Date, now: Date): number {
  const days = hospitalTime(now).startOf('day').diff(hospitalTime(deadline).startOf('day'), 'day')
  return Math.max(1, days)
}

/** The standing words of a ticket at `now`, or null when it is open at its floor and on time. */
export function standingOf(t: Standing, now: Date): string | null {
  if (!(OPEN_STATES as readonly TicketState[]).includes(t.status)) return null
  const parts: string[] = []
  if (t.level > 0) parts.push(`已升级至 ${LEVEL_LABELS[t.level] ?? ''} ${t.ownerName} · 督办中`)
  const deadline = t.deadline ? new Date(t.deadline) : null
  const late = t.status === 'rectifying' && deadline && deadline < now
  if (late) parts.push(`逾期 ${daysLate(deadline, now)} 天`)
  else if (t.status === 'rectifying' && t.overdue) parts.push('已逾期')
  return parts.length ? parts.join(' · ') : null
}
