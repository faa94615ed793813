// The rounds' figures over a period — rounds finished, findings, 立行立改 — read from the rounds'
// records (rounds and their answers), for the cockpit and the frozen bulletins. Light: stores only.
import { Role, hasRole, requireUser } from '../runtime/auth'
import type { RoundFigures } from '../../../types/api/stats'
import { fromHospitalTime } from '../../../types/time'
import { AppError } from '../runtime/app-error'
import type { ActionContext, Database } from '../runtime/context'
import { figuresLine } from './domain/report'
import { dayAfter } from './domain/schedule'
import { listFindingsBetween } from './store/answers'
import { listFinishedBetween } from './store/rounds'

/** Rounds finished, findings and 立行立改 between two hospital days (both included), hospital-wide or in one building. */
export async function roundFiguresBetween(
  db: Database,
  from: string,
  to: string,
  buildingId: string | null = null,
): Promise<RoundFigures> {
  const start = fromHospitalTime(`${from} 00:00:00`).toDate()
  const end = fromHospitalTime(`${dayAfter(to)} 00:00:00`).toDate()
  const [rounds, findings] = await Promise.all([
    listFinishedBetween(db, start, end),
    listFindingsBetween(db, start, end),
  ])
  const inScope = <T extends { buildingId: string }>(x: T) =>
    buildingId === null || x.buildingId === buildingId
  const r = rounds.filter(inScope).length
  const found = findings.filter(inScope)
  const fixed = found.filter((a) => a.fixedOnSpot).length
  return {
    rounds: r,
    findings: found.length,
    fixedOnSpot: fixed,
    line: figuresLine(r, found.length, fixed),
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
  return roundFiguresBetween(ctx.db, from, to)
}
