// The round's report, read from its answers (the rounds' record) and its findings' tickets as they
// stand — never counted by hand.
import { OPEN_STATES, STATE_LABELS, type TicketState } from '../../../types/ticket'
import type { RoundReport } from '../../../types/api/rounds'
import type { ActionContext } from '../runtime/context'
import { getTicketsByIds } from '../ticket/store/tickets'
import { addCounts, countAnswers } from './domain/report'
import { itemsById } from './domain/templates'
import { listAnswers } from './store/answers'
import { getVersion } from './store/templates'
import { loadRound } from './walk'
import { roundView } from './view'

/** Items checked, failed, fixed on the spot and still open, per floor and in total. */
export async function roundReport(ctx: ActionContext, id: string): Promise<RoundReport> {
  const { user, round } = await loadRound(ctx, id)
  const [answers, version] = await Promise.all([
    listAnswers(ctx.db, round._id),
    round.templateVersion !== null
      ? getVersion(ctx.db, round.templateId, round.templateVersion)
      : null,
  ])
  const tickets = await getTicketsByIds(
    ctx.db,
    answers.flatMap((a) => (a.ticketId ? [a.ticketId] : [])),
  )
  const status = new Map(tickets.map((t) => [t._id, t.status]))
  const open = (ticketId: string) =>
    (OPEN_STATES as readonly TicketState[]).includes(status.get(ticketId) ?? 'closed')
  const itemCount = version ? itemsById(version.sections).size : 0
  const floors = round.floors.map((f) => {
    const here = answers.filter((a) => a.floorId === f.id)
    return {
      floorId: f.id,
      floorName: f.name,
      items: itemCount,
      ...countAnswers(here, open),
      findings: here
        .filter((a) => a.value === 'fail' && a.ticketId)
        .map((a) => {
          const s = status.get(a.ticketId!) ?? 'pending'
          return {
            ticketId: a.ticketId!,
            itemText: a.itemText,
            categoryId: a.categoryId,
            grade: a.grade,
            status: s,
            statusLabel: STATE_LABELS[s],
            fixedOnSpot: a.fixedOnSpot,
          }
        }),
    }
  })
  return { round: roundView(round, user), floors, totals: addCounts(floors) }
}
