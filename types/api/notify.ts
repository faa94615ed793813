// The `notify` function: consent bookkeeping and the durable push outbox.
import { z } from 'zod'

export const TEMPLATE_IDS = {
  assigned: 'woodpecker-hazard-assigned',
  escalated: 'woodpecker-hazard-escalated',
  resolved: 'woodpecker-hazard-resolved',
} as const

export const notifyApi = {
  consent: {
    input: z.object({ results: z.record(z.enum(['accept', 'reject', 'ban', 'filter'])) }).strict(),
    output: z.object({ credits: z.record(z.number()) }),
  },
  dispatch: {
    input: z.object({ ids: z.array(z.string()).max(20) }).strict(),
    output: z.object({ sent: z.number(), failed: z.number() }),
  },
}
