// The lists of rounds: the caller's (or, for the safety office and leadership, every one), what is
// due in their 待办, and what is open on a floor they scan.
import { Role, hasRole, requireUser } from '../runtime/auth'
import type { ParsedInput } from '../../../types'
import type { RoundView } from '../../../types/api/rounds'
import { hospitalTime } from '../../../types/time'
import type { ActionContext } from '../runtime/context'
import { canAnswer, roundRelations } from './domain/round'
import { listAllRounds, listDueOf, listOpenOnFloor, listRoundsOf } from './store/rounds'
import { roundView } from './view'

/** Rounds the caller leads or joins (the safety office and 院领导: every one). */
export async function listRounds(
  ctx: ActionContext,
  input: ParsedInput<'rounds', 'list'>,
): Promise<{ items: RoundView[] }> {
  const user = await requireUser(ctx)
  const all = hasRole(user, Role.safetyOffice, Role.leader)
  const docs = all
    ? await listAllRounds(ctx.db, input.limit, input.status)
    : await listRoundsOf(ctx.db, user._id, input.limit, input.status)
  return { items: docs.map((d) => roundView(d, user)) }
}

/** The caller's rounds due today or before and not yet done (their 待办). */
export async function dueRounds(ctx: ActionContext): Promise<{ items: RoundView[] }> {
  const user = await requireUser(ctx)
  const today = hospitalTime(ctx.now()).format('YYYY-MM-DD')
  const docs = await listDueOf(ctx.db, user._id, today)
  return {
    items: docs.sort((a, b) => a.date.localeCompare(b.date)).map((d) => roundView(d, user)),
  }
}

/** Open rounds walking a floor that the caller may answer (the report page's “记入巡查”). */
export async function openRoundsOnFloor(
  ctx: ActionContext,
  floorId: string,
): Promise<{ items: RoundView[] }> {
  const user = await requireUser(ctx)
  const docs = await listOpenOnFloor(ctx.db, floorId)
  return {
    items: docs
      .filter((d) => canAnswer(roundRelations(user, d), d.status))
      .map((d) => roundView(d, user)),
  }
}
