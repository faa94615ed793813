// The door's "load": everything a transition's row may read, resolved and checked before deciding.
// Every id in the input is checked against its collection here; a missing reference is an input
// error naming the field.
import type { TicketAction } from '../../../types/ticket'
import type { ActOf } from '../../../types/api/ticket'
import type { OwnerStep } from '../org/domain/owner-chain'
import { ownerAtOrAbove } from '../org/domain/owner-chain'
import type { Actor, TicketDoc } from './domain/ticket'
import type { World } from './domain/machine'
import { getBuilding, getDepartment, getFloor, loadOwnerChain } from '../org/store/org'
import { getUsersByIds } from '../runtime/users'
import { getTicket } from './store/tickets'
import { requireOwnPhotos } from '../media/evidence'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { quietHours } from '../runtime/settings'

const invalid = (path: string, message: string) =>
  new AppError('input.invalid', message, { issues: [{ path, message }] })

/** Loads the world of one transition; throws when a reference does not resolve. */
export async function loadWorld<A extends TicketAction>(
  ctx: ActionContext,
  t: TicketDoc,
  input: ActOf<A>,
  actor: Actor,
  chain: readonly OwnerStep[],
  now: Date,
): Promise<World> {
  const i = input as {
    targetFloorId?: string
    departmentId?: string
    duplicateOf?: string
    afterPhotos?: string[]
  }
  const [reporter, target, department, original] = await Promise.all([
    getUsersByIds(ctx.db, [t.reporterId]).then(([r]) =>
      r ? { userId: r._id, openid: r.openid, name: r.name } : null,
    ),
    i.targetFloorId ? loadTarget(ctx, t, i.targetFloorId, now) : undefined,
    i.departmentId ? getDepartment(ctx.db, i.departmentId) : undefined,
    i.duplicateOf ? getTicket(ctx.db, i.duplicateOf) : undefined,
    // Evidence must exist: after-photos are files this caller stored in their own upload slots.
    i.afterPhotos ? requireOwnPhotos(ctx, actor.id, 'afterPhotos', i.afterPhotos) : undefined,
  ])
  if (i.departmentId && (!department || department.active === false))
    throw invalid('departmentId', '责任部门不存在')
  if (i.duplicateOf) {
    if (i.duplicateOf === t._id) throw invalid('duplicateOf', '不能标记为与自己重复')
    if (!original) throw invalid('duplicateOf', '重复的隐患不存在')
    if (original.status === 'duplicate') throw invalid('duplicateOf', '请选择最早上报的那条隐患')
  }
  const world: World = {
    now,
    quiet: quietHours(),
    actor,
    chain,
    reporter,
    target,
    department: department ? { id: department._id, name: department.name } : undefined,
    original: original ?? undefined,
  }
  requireOwners(input.action, t, world)
  return world
}

async function loadTarget(ctx: ActionContext, t: TicketDoc, floorId: string, now: Date) {
  const floor = await getFloor(ctx.db, floorId)
  if (!floor || !floor.active) throw invalid('targetFloorId', '目标楼层不存在或已停用')
  if (floor._id === t.floorId) throw invalid('targetFloorId', '隐患已在这个楼层')
  const [building, chain] = await Promise.all([
    getBuilding(ctx.db, floor.buildingId),
    loadOwnerChain(ctx.db, floor, now),
  ])
  return {
    floorId: floor._id,
    buildingId: floor.buildingId,
    place: `${building?.name ?? ''} ${floor.name}`.trim(),
    chain,
  }
}

// Actions that hand the ticket to someone need that someone on the roster.
function requireOwners(action: TicketAction, t: TicketDoc, w: World): void {
  if (action === 'escalate' && !ownerAtOrAbove(w.chain, t.level + 1))
    throw new AppError('ticket.invalid_transition', '没有更高一级的负责人')
  if (action === 'reopen' && !ownerAtOrAbove(w.chain, 0))
    throw new AppError('org.not_found', '这个楼层还没有配置负责人，请联系安全办')
  if (action === 'transfer' && !ownerAtOrAbove(w.target!.chain, 0))
    throw new AppError('org.not_found', '目标楼层还没有配置负责人，请联系安全办')
}
