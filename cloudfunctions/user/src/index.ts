// The `user` function: who is calling.
import { findUserByOpenid } from '../../_shared/db/users'
import { defineFunction } from '../../_shared/runtime'

export const main = defineFunction('user', {
  whoami: async (_input, ctx) => {
    const user = ctx.openid ? await findUserByOpenid(ctx.db, ctx.openid) : null
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
          }
        : null,
    }
  },
})
