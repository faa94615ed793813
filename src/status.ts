// What a ticket's state means at a glance, the same on every list and on the ticket page:
// open (orange), in progress (blue), overdue (red), done (green), closed as not needed/duplicate (grey).
import type { TicketState } from '../types/ticket'

export type StatusTone = 'open' | 'progress' | 'overdue' | 'done' | 'void'

const TONE_OF: Record<TicketState, StatusTone> = {
  pending: 'open',
  processing: 'progress',
  rectifying: 'progress',
  reviewing: 'progress',
  fixed: 'done',
  closed: 'done',
  rejected: 'void',
  duplicate: 'void',
}

/** The colour family of a ticket: overdue wins over its state while it is still open. */
export function statusTone(status: TicketState, overdue = false): StatusTone {
  const tone = TONE_OF[status]
  return overdue && (tone === 'open' || tone === 'progress') ? 'overdue' : tone
}

/** The class names of a status pill (`status-pill status-tone-<tone>`). */
export function statusClass(status: TicketState, overdue = false): string {
  return `status-pill status-tone-${statusTone(status, overdue)}`
}
