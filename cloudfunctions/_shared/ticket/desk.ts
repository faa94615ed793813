// The safety office's desk over tickets: the board of hazards whose pushes failed, and revealing an
// anonymous reporter (audited).
import { Role, requireRole } from '../runtime/auth'
import { OPEN_STATES } from '../../../types/ticket'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { boardTicketIds } from '../notify/store/outbox'
import { recordAudit } from '../trust/store/audit'
import { getTicket, getTicketsByIds } from './store/tickets'
import { summarize } from './lists'

/** Open hazards the latest undelivered pushes were about (the newest 100 board records), 50 shown. */
export async function safetyBoard(ctx: ActionContext) {
  const user = await requireRole(ctx, Role.safetyOffice)
  const ids = await boardTicketIds(ctx.db, 100)
  const open = (await getTicketsByIds(ctx.db, ids)).filter((t) =>
    (OPEN_STATES as readonly string[]).includes(t.status),
  )
  const page = await summarize(ctx, user, open.slice(0, 50), 50, {
    field: 'updatedAt',
    dir: 'desc',
  })
  return { items: page.items, count: open.length }
}

/** The reporter's name of a ticket for the safety office, with the reason in the audit log. */
export async function revealReporter(ctx: ActionContext, id: string, reason: string) {
  const user = await requireRole(ctx, Role.safetyOffice)
  const t = await getTicket(ctx.db, id)
  if (!t) throw new AppError('ticket.not_found')
  await recordAudit(ctx.db, {
    action: 'ticket.reveal_reporter',
    actorId: user._id,
    actorName: user.name,
    targetType: 'ticket',
    targetId: t._id,
    reason,
    at: ctx.now(),
  })
  return { reporterName: t.reporterName }
}
