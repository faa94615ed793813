// The `notify` function: consent bookkeeping (the client's side of the push outbox).
import { z } from 'zod'

/** Template ids the client asks consent for; their kinds live in database/subscribe-templates.json. */
export const TEMPLATE_IDS = {
  assigned: 'woodpecker-hazard-assigned',
  escalated: 'woodpecker-hazard-escalated',
  resolved: 'woodpecker-hazard-resolved',
  reminder: 'woodpecker-hazard-reminder',
  /** A long-term (长期订阅) template, where the hospital's account holds one. */
  longTerm: 'woodpecker-hazard-longterm',
} as const

const ConsentAnswer = z.enum(['accept', 'reject', 'ban', 'filter'])

/** How far a captain can be reached by subscription messages. */
export const Reachability = z.object({
  /** One-time sends left for the template new hazards use. */
  remaining: z.number(),
  longTerm: z.boolean(),
  /** Whether this person ever answered a consent request. */
  asked: z.boolean(),
})
export type Reachability = z.infer<typeof Reachability>

export const notifyApi = {
  consent: {
    input: z
      .object({
        results: z
          .record(z.string().max(64), ConsentAnswer)
          .refine((r) => Object.keys(r).length <= 3, '一次最多 3 个模板'),
        /** One id per consent request, so a retried report is counted once. */
        requestKey: z
          .string()
          .min(8)
          .max(64)
          .regex(/^[A-Za-z0-9_-]+$/, '格式不正确'),
      })
      .strict(),
    output: z.object({ credits: z.record(z.number()), reach: Reachability }),
  },
  status: { input: z.object({}).strict(), output: Reachability },
}
