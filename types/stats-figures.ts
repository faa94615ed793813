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

/** Labelled headline rows of a summary. */
export function figureRows(s: Summary): Array<{ key: string; label: string; value: string }> {
  return [
    { key: 'found', label: '发现隐患', value: String(s.found) },
    { key: 'fixedOnSpot', label: '立行立改', value: String(s.fixedOnSpot) },
    { key: 'fixedOnSpotRate', label: '立行立改率', value: percent(s.fixedOnSpotRate) },
    { key: 'deferred', label: '限期整改', value: String(s.deferred) },
    { key: 'closed', label: '限期整改已销号', value: String(s.closed) },
    { key: 'open', label: '尚未办结', value: String(s.open) },
    { key: 'overdue', label: '逾期', value: String(s.overdue) },
    { key: 'onTimeRate', label: '按期整改率', value: percent(s.onTimeRate) },
    { key: 'reopenRate', label: '重新打开率', value: percent(s.reopenRate) },
    { key: 'mttaMinutes', label: '平均响应（分钟）', value: num(s.mttaMinutes) },
    { key: 'mttrMinutes', label: '平均办结（分钟）', value: num(s.mttrMinutes) },
    { key: 'satisfaction', label: '满意度', value: percent(s.satisfaction.rate) },
    { key: 'ratingCount', label: '评价数', value: String(s.satisfaction.count) },
    { key: 'ratingMean', label: '平均评分', value: num(s.satisfaction.mean) },
  ]
}
