// When rounds fall: the next date of a recurring round, what is due, and when to remind. Pure.
import dayjs from 'dayjs'
import type { Recurrence } from '../../../../types/api/rounds'

/** The next date of a round that recurs (a month on from the 31st lands on the month's last day). */
export function nextDate(date: string, recurrence: Recurrence): string | null {
  if (recurrence === 'none') return null
  const d = dayjs(`${date}T00:00:00Z`)
  const next = recurrence === 'weekly' ? d.add(7, 'day') : d.add(1, 'month')
  return next.toISOString().slice(0, 10)
}

/** The day after `day` (both YYYY-MM-DD). */
export function dayAfter(day: string): string {
  return dayjs(`${day}T00:00:00Z`).add(1, 'day').toISOString().slice(0, 10)
}

/** Whether a round scheduled for `date` is due on `today` (its day or later, until done). */
export function isDue(date: string, today: string): boolean {
  return date <= today
}
