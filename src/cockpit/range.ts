// The periods the cockpit offers, as Asia/Shanghai calendar days.
import dayjs from 'dayjs'

export const RANGES = [
  { key: '7', label: '近7天' },
  { key: '30', label: '近30天' },
  { key: '90', label: '近90天' },
  { key: 'year', label: '今年' },
] as const
export type RangeKey = (typeof RANGES)[number]['key']

/** From and to (inclusive) of a range ending today in Shanghai. */
export function rangeDays(key: RangeKey, now = new Date()): { from: string; to: string } {
  const today = dayjs(now.getTime() + (now.getTimezoneOffset() + 480) * 60_000)
  const to = today.format('YYYY-MM-DD')
  if (key === 'year') return { from: today.format('YYYY-01-01'), to }
  return { from: today.subtract(Number(key) - 1, 'day').format('YYYY-MM-DD'), to }
}
