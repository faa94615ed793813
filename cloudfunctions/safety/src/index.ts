// The `safety` function: the safety office blocks and unblocks abusers and reads the audit log.
import { defineFunction } from '../../_shared/runtime'
import { safetyApi } from '../../../types/api/safety'
import { safetyRoutes } from '../../_shared/trust'

export const main = defineFunction('safety', safetyApi, safetyRoutes)
