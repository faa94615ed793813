// The safety office's desk over tickets: the board of hazards whose pushes failed, the 挂牌督办
// board of 重大 hazards (also 院领导's), and revealing an anonymous reporter (audited).
import { Role, hasRole, requireRole, requireUser } from '../runtime/auth'
import { SIGNOFF_SIDES, type SignoffSide } from '../../../types/grade'
import type { SupervisedItem } from '../../../types/api/ticket'
import { OPEN_STATES } from '../../../types/ticket'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { boardTicketIds } from '../notify/store/outbox'
import { recordAudit } from '../trust/store/audit'
import { getTicket, getTicketsByIds, listMajor } from './store/tickets'
import { summarize } from './lists'
import { relationsOf, userActor } from './actor'
import { check, factsOf } from './domain/machine'
import { planMissingOf } from './view'

/**
 * 挂牌督办: every 重大 hazard still open (not yet signed off by both the safety office and a
 * 院领导), oldest first, with what its plan lacks and whose sign-off it awaits.
 */
export async function supervisedBoard(
  ctx: ActionContext,
): Promise<{ items: SupervisedItem[]; count: number; canExport: boolean }> {
  const user = await requireUser(ctx)
  if (!hasRole(user, Role.safetyOffice) && !hasRole(user, Role.leader))
    throw new AppError('auth.forbidden')
  const open = await listMajor(ctx.db, OPEN_STATES)
  const shown = open.slice(0, 100)
  const page = await summarize(ctx, user, shown, shown.length, { field: 'createdAt', dir: 'asc' })
  const actor = userActor(user)
  const now = ctx.now()
  const items = shown.map((t, i) => {
    const signed = new Set((t.signoffs ?? []).map((s) => s.side))
    // Sign-offs are the safety office's and 院领导's: their roles alone decide, not the floor's chain.
    const relations = relationsOf(actor, t, [])
    return {
      ...page.items[i],
      planMissing: planMissingOf(t),
      signedBy: (t.signoffs ?? []).map((s) => `${SIGNOFF_SIDES[s.side]} ${s.name}`),
      awaiting: (Object.keys(SIGNOFF_SIDES) as SignoffSide[])
        .filter((side) => !signed.has(side))
        .map((side) => SIGNOFF_SIDES[side]),
      mySignoff: check('signoff', factsOf(t), relations, user._id, now).ok,
    }
  })
  return { items, count: open.length, canExport: hasRole(user, Role.safetyOffice) }
}

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
