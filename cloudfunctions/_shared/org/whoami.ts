// Who is calling: the staff member behind an OPENID or a signed-in PC, with their roles and building.
import { Role } from '../../../types/roles'
import { findCaller } from '../runtime/auth'
import { type Routes } from '../runtime'
import { dutiesOfUser } from './store/org'

/** Who is calling. */
export const userRoutes: Routes<'user'> = {
  whoami: async (_input, ctx) => {
    const user = await findCaller(ctx)
    const duties = user ? await dutiesOfUser(ctx.db, user._id, ctx.now()) : []
    const buildingId = duties.find((d) => d.buildingId && d.duty !== Role.floorCaptain)?.buildingId
    return {
      openid: ctx.openid,
      user: user
        ? {
            id: user._id,
            name: user.name,
            roles: user.roles,
            departmentName: user.departmentName,
            unreachable: Boolean(user.unreachable),
            blocked: Boolean(user.blocked),
            ...(buildingId ? { buildingId } : {}),
          }
        : null,
    }
  },
}
