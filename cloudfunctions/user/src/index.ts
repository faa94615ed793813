// The `user` function: who is calling.
import { defineFunction } from '../../_shared/runtime'
import { userApi } from '../../../types/api/user'
import { userRoutes } from '../../_shared/org'

export const main = defineFunction('user', userApi, userRoutes)
