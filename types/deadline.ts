// A 限期整改 deadline: a day (`YYYY-MM-DD`, the end of that day, 23:59:59 in Asia/Shanghai) or an
// exact time with its offset. Stored and sent as one instant, so phone and server never disagree on
// what a day means. Asia/Shanghai keeps UTC+8 all year, so no time-zone database is needed here.
import { z } from 'zod'

const HOSPITAL_OFFSET_MS = 8 * 3600_000
const YEAR_MS = 366 * 86400_000
const DAY = /^(\d{4})-(\d{2})-(\d{2})$/

/** The end of a hospital day (`YYYY-MM-DD` → 23:59:59 Asia/Shanghai), or null for no such day. */
export function endOfHospitalDay(day: string): Date | null {
  const m = DAY.exec(day)
  if (!m) return null
  const at = new Date(`${day}T23:59:59+08:00`)
  const wall = new Date(at.getTime() + HOSPITAL_OFFSET_MS)
  // 2026-02-30 parses as March 2nd: refuse it rather than move the deadline.
  return wall.getUTCFullYear() === Number(m[1]) &&
    wall.getUTCMonth() + 1 === Number(m[2]) &&
    wall.getUTCDate() === Number(m[3])
    ? at
    : null
}

const INSTANT = z.string().datetime({ offset: true })

/** The instant a deadline as typed stands for (a day is its end), or null when it is neither form. */
export function deadlineInstant(text: string): Date | null {
  if (DAY.test(text)) return endOfHospitalDay(text)
  return INSTANT.safeParse(text).success ? new Date(text) : null
}

/** Whether a deadline is a whole day (it falls on 23:59:59 hospital time). */
export function isWholeDay(at: Date | string): boolean {
  const wall = new Date(new Date(at).getTime() + HOSPITAL_OFFSET_MS)
  return wall.getUTCHours() === 23 && wall.getUTCMinutes() === 59 && wall.getUTCSeconds() === 59
}

const pad = (n: number) => String(n).padStart(2, '0')

/** A moment as the hospital's wall clock shows it: `YYYY-MM-DD HH:mm`. */
export function hospitalClock(at: Date | string | number): string {
  const w = new Date(new Date(at).getTime() + HOSPITAL_OFFSET_MS)
  return `${w.getUTCFullYear()}-${pad(w.getUTCMonth() + 1)}-${pad(w.getUTCDate())} ${pad(w.getUTCHours())}:${pad(w.getUTCMinutes())}`
}

/** A deadline in words: `12-06 23:59` (with the year: `2026-12-06 23:59`). */
export function deadlineText(at: Date | string, withYear = false): string {
  const text = hospitalClock(at)
  return withYear ? text : text.slice(5)
}

/**
 * A deferral deadline as the contract takes it: `YYYY-MM-DD` (the end of that day) or a time with
 * its offset; in the future and within a year. Parsed to the ISO instant it stands for.
 */
export const Deadline = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const at = deadlineInstant(text)
    if (!at) {
      ctx.addIssue({ code: 'custom', message: '整改期限应为日期（YYYY-MM-DD）或带时区的时间' })
      return z.NEVER
    }
    return at.toISOString()
  })
  .refine((v) => Date.parse(v) > Date.now(), '整改期限应晚于现在')
  .refine((v) => Date.parse(v) <= Date.now() + YEAR_MS, '整改期限不能超过一年')
