// The `notify` function: consent bookkeeping (the client's side of the push outbox).
import { z } from 'zod'

/** Template ids the client asks consent for; their kinds live in database/subscribe-templates.json. */
export const TEMPLATE_IDS = {
  assigned: 'woodpecker-hazard-assigned',
  escalated: 'woodpecker-hazard-escalated',
  resolved: 'woodpecker-hazard-resolved',
  reminder: 'woodpecker-hazard-reminder',
  evening: 'woodpecker-evening-list',
  /** The day-before reminder of an inspection round, to its leader. */
  round: 'woodpecker-round-reminder',
  /** A long-term (长期订阅) template, where the hospital's account holds one. */
  longTerm: 'woodpecker-hazard-longterm',
} as const

/** Why a captain cannot be reached (the board's filter). */
export const UNREACHABLE_REASONS = ['none_left', 'never_asked', 'no_phone'] as const

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
  /**
   * Safety office: captains who cannot be pushed and have open work at stake (their own or on their
   * floor or building), grouped by building with counts; filtered by building and reason.
   */
  unreachable: {
    input: z
      .object({
        buildingId: z.string().min(1, '请选择楼栋').max(32, '楼栋编号过长').optional(),
        reason: z
          .enum(UNREACHABLE_REASONS, {
            message: '筛选原因只能是：提醒次数已用完、从未开启提醒、没有可用手机号',
          })
          .optional(),
      })
      .strict(),
    output: z.object({
      items: z.array(
        z.object({
          userId: z.string(),
          name: z.string(),
          role: z.string(),
          phone: z.string(),
          buildingId: z.string(),
          buildingName: z.string(),
          reasons: z.array(z.enum(UNREACHABLE_REASONS)),
          since: z.string().nullable(),
          owned: z.number(),
          /** Open hazards on the floor or building this person answers for. */
          atStake: z.number(),
          copied: z.number(),
          nudgedAt: z.string().nullable(),
        }),
      ),
      /** Every building with someone listed (before the building filter), most people first. */
      groups: z.array(
        z.object({
          buildingId: z.string(),
          buildingName: z.string(),
          count: z.number(),
          atStake: z.number(),
        }),
      ),
      /** Unreachable people left off the list because nothing open rests on them. */
      idle: z.number(),
    }),
  },
  /** The caller's evening lists of the last days (newest first) and how many are unread. */
  evenings: {
    input: z.object({}).strict(),
    output: z.object({
      items: z.array(
        z.object({
          id: z.string(),
          buildingId: z.string(),
          buildingName: z.string(),
          date: z.string(),
          summary: z.string(),
          pushed: z.boolean(),
          read: z.boolean(),
        }),
      ),
      unread: z.number(),
    }),
  },
  /** Safety office: asks an unreachable captain (in the app, and by SMS when configured) to top up. */
  nudge: {
    input: z.object({ userId: z.string().min(1).max(64) }).strict(),
    output: z.object({ nudgedAt: z.string(), sms: z.boolean() }),
  },
}
