// The evening page's data: a building's day grouped by floor, for those who answer for it.
import { Role, hasRole, requireUser } from '../runtime/auth'
import { fromHospitalTime } from '../../../types/time'
import { buildingDuties, listBuildings } from '../org/store/org'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { toSummary } from '../ticket/view'
import { localDay } from './domain/sla'
import { buildingDay } from './evening'
import { markEveningRead } from '../notify/store/outbox'

/** The evening list of a building on a day (today by default). */
export async function eveningView(ctx: ActionContext, buildingId: string, date?: string) {
  const user = await requireUser(ctx)
  const now = ctx.now()
  const duties = await buildingDuties(ctx.db, buildingId, now)
  const allowed =
    hasRole(user, Role.safetyOffice) ||
    hasRole(user, Role.leader) ||
    duties.some((d) => d.userId === user._id)
  if (!allowed) throw new AppError('auth.forbidden')
  const building = (await listBuildings(ctx.db)).find((b) => b._id === buildingId)
  if (!building) throw new AppError('org.not_found')
  const day = date ?? localDay(now)
  const end = fromHospitalTime(`${day} 23:59:59`).toDate()
  const at = end < now ? end : now
  const [{ tickets, counts }] = await Promise.all([
    buildingDay(ctx, buildingId, at, user._id),
    // Opening the list clears its badge.
    markEveningRead(ctx.db, `evening:${day}:${buildingId}:${user._id}`, now),
  ])
  const floors = building.floors
    .map((f) => ({
      floorId: f._id,
      floorName: f.name,
      items: tickets
        .filter((x) => x.ticket.floorId === f._id)
        .map((x) => ({ ...toSummary(x.ticket, user._id), tags: x.tags })),
    }))
    .filter((f) => f.items.length > 0)
  return { building: { id: building._id, name: building.name }, date: day, counts, floors }
}
