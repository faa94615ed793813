// The `user` function: who is calling.
import { Role } from '../../../types/roles'
import { findUserByOpenid } from '../../_shared/runtime/users'
import { defineFunction } from '../../_shared/runtime'
import { dutiesOfUser } from '../../_shared/org/store/org'

export const main = defineFunction('user', {
  whoami: async (_input, ctx) => {
    const user = ctx.openid ? await findUserByOpenid(ctx.db, ctx.openid) : null
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
})
