// The `sla` function: on its timer, moves what is due up the ladder and sends the evening list.
import { defineFunction } from '../../_shared/runtime'
import { slaInternal, sweep } from '../../_shared/ladder'

export const main = defineFunction('sla', {}, {}, { internal: slaInternal, timer: sweep })
