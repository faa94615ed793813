// The `signin` function: a PC signs in by a code the staff member scans and confirms in the
// mini-program; the mini-program lists and ends its PC sessions.
import { defineFunction } from '../../_shared/runtime'
import { signinApi } from '../../../types/api/signin'
import { signinRoutes } from '../../_shared/trust/signin'

export const main = defineFunction('signin', signinApi, signinRoutes)
