// The `rounds` function: inspection rounds — checklists, scheduling, walking floor by floor, reports;
// its timer reminds each round's leader the day before.
import { defineFunction } from '../../_shared/runtime'
import { remindDaily, roundsInternal, roundsRoutes } from '../../_shared/rounds'

export const main = defineFunction('rounds', roundsRoutes, {
  internal: roundsInternal,
  timer: remindDaily,
})
