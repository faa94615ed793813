// The `notify` function: consent bookkeeping (the client's side of the push outbox).
import { z } from 'zod'

/** Template ids the client asks consent for; their kinds live in database/subscribe-templates.json. */
export const TEMPLATE_IDS = {
  assigned: 'woodpecker-hazard-assigned',
  escalated: 'woodpecker-hazard-escalated',
  resolved: 'woodpecker-hazard-resolved',
  reminder: 'woodpecker-hazard-reminder',
  evening: 'woodpecker-evening-list',
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
  status: {
    input: z.object({}).strict(),
    output: Reachability.extend({ nudgedAt: z.string().nullable() }),
  },
  /** Safety office: captains who cannot be pushed, since when, and how much rests on them. */
  unreachable: {
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(
        z.object({
          userId: z.string(),
          name: z.string(),
          role: z.string(),
          phone: z.string(),
          reasons: z.array(z.enum(['none_left', 'never_asked', 'no_phone'])),
          since: z.string().nullable(),
          owned: z.number(),
          copied: z.number(),
          nudgedAt: z.string().nullable(),
        }),
      ),
    }),
  },
  /** Safety office: asks an unreachable captain (in the app, and by SMS when configured) to top up. */
  nudge: {
    input: z.object({ userId: z.string().min(1).max(64) }).strict(),
    output: z.object({ nudgedAt: z.string(), sms: z.boolean() }),
  },
}
