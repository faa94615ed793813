// The headline figures of a summary as labelled rows: the cockpit, the printed bulletin and its
// XLSX all show these, in this order, with the same formatting.
import type { Summary } from './api/stats'

/** A rate as a percentage with two decimals (0.9248 → 92.48%), or — without data. */
export function percent(rate: number | null): string {
  return rate === null ? '—' : `${(Math.round(rate * 10000) / 100).toFixed(2)}%`
}

function num(n: number | null, unit = ''): string {
  return n === null ? '—' : `${n}${unit}`
}

/** One headline figure: its label, its text as shown, and the number behind it (null without data). */
export interface FigureRow {
  key: string
  label: string
  value: string
  /** The figure as a number (a rate as a fraction, 0.9248), for spreadsheets; null without data. */
  number: number | null
  /** Whether `number` is a rate, shown as a percentage. */
  rate: boolean
}

const count = (key: string, label: string, n: number): FigureRow => ({
  key,
  label,
  value: String(n),
  number: n,
  rate: false,
})
const rate = (key: string, label: string, r: number | null): FigureRow => ({
  key,
  label,
  value: percent(r),
  number: r,
  rate: true,
})
const plain = (key: string, label: string, n: number | null): FigureRow => ({
  key,
  label,
  value: num(n),
  number: n,
  rate: false,
})

/** Labelled headline rows of a summary. */
export function figureRows(s: Summary): FigureRow[] {
  return [
    count('found', '发现隐患', s.found),
    count('fixedOnSpot', '立行立改', s.fixedOnSpot),
    rate('fixedOnSpotRate', '立行立改率', s.fixedOnSpotRate),
    count('deferred', '限期整改', s.deferred),
    count('closed', '限期整改已销号', s.closed),
    count('open', '尚未办结', s.open),
    count('overdue', '逾期', s.overdue),
    rate('onTimeRate', '按期整改率', s.onTimeRate),
    rate('reopenRate', '重新打开率', s.reopenRate),
    plain('mttaMinutes', '平均响应（分钟）', s.mttaMinutes),
    plain('mttrMinutes', '平均办结（分钟）', s.mttrMinutes),
    rate('satisfaction', '满意度', s.satisfaction.rate),
    count('ratingCount', '评价数', s.satisfaction.count),
    plain('ratingMean', '平均评分', s.satisfaction.mean),
  ]
}
