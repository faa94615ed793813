// The `stats` function: the cockpit's figures from counters, and frozen bulletins. A daily 08:00
// timer (UTC+8) freezes what is due: Monday the last week, the 1st the last month. (Transitions left
// uncounted are counted every minute by the `sla` sweep, and once more here before freezing.)
import { defineFunction } from '../../_shared/runtime'
import { statsApi } from '../../../types/api/stats'
import { freezeDueBulletins, statsRoutes } from '../../_shared/stats'

export const main = defineFunction('stats', statsApi, statsRoutes, { timer: freezeDueBulletins })
