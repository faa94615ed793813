// Who a round in a building may invite: hospital leadership (院领导), the building's 协管员 and the
// safety office — the people scheduling checks (PARTICIPANT_ROLES) accept.
import type { Invitee } from '../../../types/api/rounds'
import { Role, hasRole, requireUser } from '../runtime/auth'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { getUsersByIds, usersWithRoles } from '../runtime/users'
import { buildingDuties } from '../org/store/org'

/** The people the caller (the safety office, or the building's 楼长) may invite, by name. */
export async function roundInvitees(
  ctx: ActionContext,
  buildingId: string,
): Promise<{ people: Invitee[] }> {
  const user = await requireUser(ctx)
  const duties = await buildingDuties(ctx.db, buildingId, ctx.now())
  const captain = duties.some((d) => d.userId === user._id && d.duty === Role.buildingCaptain)
  if (!hasRole(user, Role.safetyOffice) && !captain) throw new AppError('auth.forbidden')
  const coordinatorIds = duties.filter((d) => d.duty === Role.coordinator).map((d) => d.userId)
  const [office, coordinators] = await Promise.all([
    usersWithRoles(ctx.db, [Role.leader, Role.safetyOffice]),
    getUsersByIds(ctx.db, coordinatorIds),
  ])
  const people = new Map<string, Invitee>()
  for (const p of coordinators.filter((u) => u.active))
    people.set(p._id, { id: p._id, name: p.name, role: 'coordinator' })
  for (const p of office.filter((u) => u.active))
    people.set(p._id, {
      id: p._id,
      name: p.name,
      role: hasRole(p, Role.leader) ? 'leader' : 'safety_office',
    })
  people.delete(user._id)
  const order = { leader: 0, coordinator: 1, safety_office: 2 }
  return {
    people: [...people.values()].sort(
      (a, b) => order[a.role] - order[b.role] || a.name.localeCompare(b.name, 'zh'),
    ),
  }
}
