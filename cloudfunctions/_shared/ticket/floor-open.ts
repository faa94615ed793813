// What is already reported on a floor: the report page shows it so a reporter can +1 instead.
import { OPEN_STATES } from '../../../types/ticket'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import type { UserDoc } from '../runtime/users'
import { getFloor, loadOwnerChain } from '../org/store/org'
import { check, factsOf } from './domain/machine'
import { relationsOf, userActor } from './actor'
import { listOpenOnFloor } from './store/tickets'
import { summarize } from './lists'

/** The open hazards of a floor, newest first (up to 50), with whether the viewer may +1 each. */
export async function openOnFloor(ctx: ActionContext, viewer: UserDoc, floorId: string) {
  const floor = await getFloor(ctx.db, floorId)
  if (!floor) throw new AppError('org.not_found')
  const now = ctx.now()
  const [docs, chain] = await Promise.all([
    listOpenOnFloor(ctx.db, floorId, OPEN_STATES),
    loadOwnerChain(ctx.db, floor, now),
  ])
  const page = await summarize(ctx, viewer, docs, 50, { field: 'createdAt', dir: 'desc' })
  const actor = userActor(viewer)
  return {
    items: page.items.map((item, i) => ({
      ...item,
      supportable: check(
        'support',
        factsOf(docs[i]),
        relationsOf(actor, docs[i], chain),
        viewer._id,
        now,
      ).ok,
    })),
  }
}
