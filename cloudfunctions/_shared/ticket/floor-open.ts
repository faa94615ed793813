// What is already reported on a floor: the report page shows it so a reporter can +1 instead.
import { OPEN_STATES } from '../../../types/ticket'
import type { ActionContext } from '../runtime/context'
import type { UserDoc } from '../runtime/users'
import { listOpenOnFloor } from './store/tickets'
import { summarize } from './lists'

/** The open hazards of a floor, newest first (up to 50), as the viewer may see them. */
export async function openOnFloor(ctx: ActionContext, viewer: UserDoc, floorId: string) {
  const items = await listOpenOnFloor(ctx.db, floorId, OPEN_STATES)
  return {
    items: (await summarize(ctx, viewer, items, 50, { field: 'createdAt', dir: 'desc' })).items,
  }
}
