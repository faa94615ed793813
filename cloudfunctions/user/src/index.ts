// The `user` function: who is calling.
import { defineFunction } from '../../_shared/runtime'
import { userRoutes } from '../../_shared/org'

export const main = defineFunction('user', userRoutes)
