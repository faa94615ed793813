// The round's report and the rounds' figures over a period, read from the answers (the rounds'
// record) and the findings' tickets as they stand — never counted by hand.
import { requireUser } from '../runtime/auth'
import { Role, hasRole } from '../runtime/auth'
import { OPEN_STATES, STATE_LABELS, type TicketState } from '../../../types/ticket'
import type { RoundFigures, RoundReport } from '../../../types/api/rounds'
import { fromHospitalTime } from '../../../types/time'
import { AppError } from '../runtime/app-error'
import type { ActionContext, Database } from '../runtime/context'
import { getTicketsByIds } from '../ticket/store/tickets'
import { addCounts, countAnswers, figuresLine } from './domain/report'
import { itemsById } from './domain/templates'
import { listAnswers, listFindingsBetween } from './store/answers'
import { listFinishedBetween } from './store/rounds'
import { getVersion } from './store/templates'
import { loadRound } from './walk'
import { roundView } from './view'
import { dayAfter } from './domain/schedule'

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

/** Rounds finished, findings and 立行立改 between two hospital days (both included). */
export async function figuresBetween(
  db: Database,
  from: string,
  to: string,
): Promise<RoundFigures> {
  const start = fromHospitalTime(`${from} 00:00:00`).toDate()
  const end = fromHospitalTime(`${dayAfter(to)} 00:00:00`).toDate()
  const [rounds, findings] = await Promise.all([
    listFinishedBetween(db, start, end),
    listFindingsBetween(db, start, end),
  ])
  const fixed = findings.filter((a) => a.fixedOnSpot).length
  return {
    rounds: rounds.length,
    findings: findings.length,
    fixedOnSpot: fixed,
    line: figuresLine(rounds.length, findings.length, fixed),
  }
}

/** The figures for the cockpit: leadership and the safety office. */
export async function roundFigures(
  ctx: ActionContext,
  from: string,
  to: string,
): Promise<RoundFigures> {
  const user = await requireUser(ctx)
  if (!hasRole(user, Role.leader, Role.safetyOffice)) throw new AppError('auth.forbidden')
  return figuresBetween(ctx.db, from, to)
}
