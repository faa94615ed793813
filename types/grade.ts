// A hazard's grade (隐患分级): 一般 or 重大, and what a 重大 hazard's rectification plan (五定) holds.
import { z } from 'zod'

/** Every grade and its Chinese name: the one table. */
export const GRADE_LABELS = { general: '一般隐患', major: '重大隐患' } as const
export type Grade = keyof typeof GRADE_LABELS
export const GRADES = Object.keys(GRADE_LABELS) as [Grade, ...Grade[]]
export const Grade = z.enum(GRADES, { errorMap: () => ({ message: '隐患等级应为 一般 或 重大' }) })

/** A category without a grade of its own reports general hazards. */
export const FALLBACK_GRADE: Grade = 'general'

/** The 五定 of a 重大 hazard's plan and their names, in the order a report lists them. */
export const PLAN_PARTS = {
  responsibleName: '定责任（责任人）',
  measures: '定措施（整改措施）',
  funds: '定资金（元）',
  deadline: '定时限（整改时限）',
  contingency: '定预案（应急预案）',
} as const
export type PlanPart = keyof typeof PLAN_PARTS

/** The 五定 plan as stored on the ticket. */
export interface MajorPlan {
  responsibleId: string
  responsibleName: string
  measures: string
  funds: number
  deadline: Date | string
  contingency: string
  by: string
  at: Date | string
}

/** The parts a stored plan lacks (all of them when there is none), by name. */
export function missingPlanParts(plan: Partial<MajorPlan> | null | undefined): PlanPart[] {
  return (Object.keys(PLAN_PARTS) as PlanPart[]).filter((k) => {
    const v = plan?.[k]
    return v === undefined || v === null || v === ''
  })
}

/** Who signs a 重大 hazard off (销号): the safety office and a 院领导, each once. */
export const SIGNOFF_SIDES = { safety: '安全办', leader: '院领导' } as const
export type SignoffSide = keyof typeof SIGNOFF_SIDES

/** One sign-off as stored on the ticket. */
export interface Signoff {
  side: SignoffSide
  userId: string
  name: string
  opinion: string
  at: Date | string
}
