// The `stats` function: headline figures, the building × floor grid, the leaderboard, and frozen
// bulletins. Field names are a contract other tools rely on; keep them.
import { z } from 'zod'

/** A calendar day in Asia/Shanghai. */
export const StatsDay = z
  .string()
  .regex(/^\d{4}-\d\d-\d\d$/, '日期格式应为 YYYY-MM-DD')
  .refine(
    (d) =>
      !Number.isNaN(Date.parse(`${d}T00:00:00Z`)) &&
      new Date(`${d}T00:00:00Z`).toISOString().startsWith(d),
    '日期不存在',
  )

/** The longest range one call may ask for (a year and a bit). */
export const MAX_RANGE_DAYS = 400

const Range = z.object({ from: StatsDay, to: StatsDay })
function rangeOk(r: { from: string; to: string }, ctx: z.RefinementCtx): void {
  const days = (Date.parse(`${r.to}T00:00:00Z`) - Date.parse(`${r.from}T00:00:00Z`)) / 86400_000
  if (days < 0) ctx.addIssue({ code: 'custom', path: ['to'], message: '结束日期不能早于开始日期' })
  else if (days >= MAX_RANGE_DAYS)
    ctx.addIssue({ code: 'custom', path: ['to'], message: `时间范围不能超过 ${MAX_RANGE_DAYS} 天` })
}

const Id = z.string().min(1).max(64)
const Rate = z.number().min(0).max(1).nullable()

export const Ranked = z.object({ id: z.string(), name: z.string(), count: z.number() })

export const TrendPoint = z.object({
  /** The Monday of the week (YYYY-MM-DD). */
  week: z.string(),
  found: z.number(),
  fixedOnSpot: z.number(),
  deferred: z.number(),
  closed: z.number(),
})

/** Inspection rounds over a period, from the rounds' records: “巡查 5 次，发现 38 项，立行立改 31 项”. */
export const RoundFigures = z.object({
  /** Rounds finished in the period. */
  rounds: z.number(),
  /** 不合格 answers that became hazards. */
  findings: z.number(),
  /** Findings fixed there and then (立行立改). */
  fixedOnSpot: z.number(),
  line: z.string(),
})
export type RoundFigures = z.infer<typeof RoundFigures>

export const Summary = z.object({
  from: z.string(),
  to: z.string(),
  buildingId: z.string().nullable(),
  scopeName: z.string(),
  found: z.number(),
  fixedOnSpot: z.number(),
  /** fixedOnSpot / found. */
  fixedOnSpotRate: Rate,
  deferred: z.number(),
  /** Deferred work completed and verified (已销号). */
  closed: z.number(),
  /** Open now (for a frozen bulletin: when it was frozen). */
  open: z.number(),
  /** Tickets that went past their deadline during the period. */
  overdue: z.number(),
  /** Deferred work completed by its deadline / deferred work completed. */
  onTimeRate: Rate,
  /** Reopened / resolved (fixed on the spot or closed). */
  reopenRate: Rate,
  mttaMinutes: z.number().nullable(),
  mttrMinutes: z.number().nullable(),
  satisfaction: z.object({
    /** Share of ratings ≥ 4. */
    rate: Rate,
    mean: z.number().nullable(),
    count: z.number(),
  }),
  topCategories: z.array(Ranked),
  topFloors: z.array(Ranked),
  trend: z.array(TrendPoint),
  /** Inspection rounds in the period (absent from bulletins frozen before rounds existed). */
  rounds: RoundFigures.optional(),
})
export type Summary = z.infer<typeof Summary>

export const GridFloor = z.object({
  id: z.string(),
  name: z.string(),
  level: z.number(),
  open: z.number(),
  overdue: z.number(),
})
export const Grid = z.object({
  buildings: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      open: z.number(),
      overdue: z.number(),
      floors: z.array(GridFloor),
    }),
  ),
})
export type Grid = z.infer<typeof Grid>

export const Leaderboard = z.object({
  from: z.string(),
  to: z.string(),
  /** Rankings list only people with at least this many in the period. */
  minSample: z.number(),
  reporters: z.array(z.object({ rank: z.number(), name: z.string(), useful: z.number() })),
  captains: z.array(
    z.object({
      rank: z.number(),
      name: z.string(),
      responses: z.number(),
      meanResponseMinutes: z.number(),
      resolved: z.number(),
    }),
  ),
})
export type Leaderboard = z.infer<typeof Leaderboard>

export const BulletinKind = z.enum(['weekly', 'monthly'])
export type BulletinKind = z.infer<typeof BulletinKind>

export const BulletinHead = z.object({
  id: z.string(),
  kind: BulletinKind,
  /** 第 N 期 */
  number: z.number(),
  title: z.string(),
  from: z.string(),
  to: z.string(),
  frozenAt: z.string(),
})
export type BulletinHead = z.infer<typeof BulletinHead>
export const Bulletin = BulletinHead.extend({ summary: Summary, grid: Grid })
export type Bulletin = z.infer<typeof Bulletin>

export const statsApi = {
  summary: {
    input: Range.extend({ buildingId: Id.optional() }).strict().superRefine(rangeOk),
    output: Summary,
  },
  grid: { input: z.object({ buildingId: Id.optional() }).strict(), output: Grid },
  leaderboard: { input: Range.strict().superRefine(rangeOk), output: Leaderboard },
  'bulletins.list': {
    input: z
      .object({
        kind: BulletinKind.optional(),
        limit: z.number().int().min(1).max(100).default(50),
      })
      .strict(),
    output: z.object({ items: z.array(BulletinHead) }),
  },
  'bulletins.get': { input: z.object({ id: Id }).strict(), output: Bulletin },
  'bulletins.export': {
    input: z.object({ id: Id }).strict(),
    output: z.object({ fileID: z.string(), url: z.string() }),
  },
  /** Safety office: every 重大 hazard as XLSX, one row each with its 五定 (a health-commission report). */
  'majors.export': {
    input: z.object({}).strict(),
    output: z.object({ fileID: z.string(), url: z.string(), count: z.number() }),
  },
}
