// The `stats` function: the cockpit's figures from counters, and frozen bulletins. A per-minute timer
// counts transitions counting left behind and, from 08:00 (UTC+8), freezes what is due: Monday the
// last week, the 1st the last month.
import { defineFunction } from '../../_shared/runtime'
import { statsMinute, statsRoutes } from '../../_shared/stats'

export const main = defineFunction('stats', statsRoutes, { timer: statsMinute })
