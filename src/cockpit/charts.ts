// Chart options shaped from the stats contract; pure, so the binding only draws.
import type { Summary } from '../../types/api/stats'

const PALETTE = ['#0f7b6c', '#f5a623', '#3f7cff', '#8f959e']

/** Weekly trend: found, fixed on the spot, deferred, closed. */
export function trendOption(s: Summary): Record<string, unknown> {
  const weeks = s.trend.map((p) => p.week.slice(5))
  return {
    color: PALETTE,
    animation: false,
    tooltip: { trigger: 'axis', confine: true },
    legend: { top: 0, data: ['发现', '立行立改', '限期整改', '已销号'] },
    grid: { left: 36, right: 12, top: 36, bottom: 24 },
    xAxis: { type: 'category', data: weeks },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      { name: '发现', type: 'line', smooth: true, data: s.trend.map((p) => p.found) },
      { name: '立行立改', type: 'bar', data: s.trend.map((p) => p.fixedOnSpot) },
      { name: '限期整改', type: 'bar', data: s.trend.map((p) => p.deferred) },
      { name: '已销号', type: 'bar', data: s.trend.map((p) => p.closed) },
    ],
  }
}

/** A horizontal bar chart of a top-N list, largest on top. */
export function topOption(
  items: Summary['topCategories'],
  color = PALETTE[0],
): Record<string, unknown> {
  const rows = [...items].reverse()
  return {
    color: [color],
    animation: false,
    tooltip: { trigger: 'axis', confine: true },
    grid: { left: 8, right: 24, top: 8, bottom: 8, containLabel: true },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: rows.map((r) => (r.name.length > 12 ? `${r.name.slice(0, 12)}…` : r.name)),
    },
    series: [
      { type: 'bar', data: rows.map((r) => r.count), label: { show: true, position: 'right' } },
    ],
  }
}

/** The colour class of a grid cell: calm, open, or overdue. */
export function cellTone(f: {
  open: number
  overdue: number
}): 'calm' | 'open' | 'busy' | 'overdue' {
  if (f.overdue > 0) return 'overdue'
  if (f.open >= 3) return 'busy'
  return f.open > 0 ? 'open' : 'calm'
}
