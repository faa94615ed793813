// The `rounds` function: inspection rounds — checklists, scheduling, walking floor by floor, reports;
// its timer reminds each round's leader the day before.
import { defineFunction } from '../../_shared/runtime'
import { roundsApi } from '../../../types/api/rounds'
import { remindDaily, roundsInternal, roundsRoutes } from '../../_shared/rounds'

export const main = defineFunction('rounds', roundsApi, roundsRoutes, {
  internal: roundsInternal,
  timer: remindDaily,
})
