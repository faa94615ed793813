// CloudBase timer crons: 7 fields (second minute hour day month weekday year), evaluated in UTC+8.
const OFFSET_MS = 8 * 3600 * 1000
const RANGES: Array<[number, number]> = [
  [0, 59],
  [0, 59],
  [0, 23],
  [1, 31],
  [1, 12],
  [0, 6],
  [1970, 2099],
]
const NAMES: Record<string, number> = {
  JAN: 1,
  FEB: 2,
  MAR: 3,
  APR: 4,
  MAY: 5,
  JUN: 6,
  JUL: 7,
  AUG: 8,
  SEP: 9,
  OCT: 10,
  NOV: 11,
  DEC: 12,
  SUN: 0,
  MON: 1,
  TUE: 2,
  WED: 3,
  THU: 4,
  FRI: 5,
  SAT: 6,
}

export type Cron = Array<Set<number> | null>

/** Parses a 7-field cron; throws naming the bad field. */
export function parseCron(expr: string): Cron {
  const fields = expr.trim().split(/\s+/)
  if (fields.length !== 7)
    throw new Error(`cron "${expr}" must have 7 fields (second minute hour day month weekday year)`)
  return fields.map((field, i) => {
    if (field === '*' || field === '?') return null
    const [min, max] = RANGES[i]
    const set = new Set<number>()
    for (const part of field.split(',')) {
      const [rangePart, stepPart] = part.split('/')
      const step = stepPart ? Number(stepPart) : 1
      let lo: number
      let hi: number
      if (rangePart === '*') [lo, hi] = [min, max]
      else if (rangePart.includes('-'))
        [lo, hi] = rangePart.split('-').map(value) as [number, number]
      else [lo, hi] = [value(rangePart), stepPart ? max : value(rangePart)]
      if (![lo, hi, step].every(Number.isInteger) || lo < min || hi > max || lo > hi || step < 1) {
        throw new Error(`cron "${expr}": field ${i + 1} ("${field}") is out of range ${min}-${max}`)
      }
      for (let v = lo; v <= hi; v += step) set.add(v)
    }
    return set
  })
}

function value(text: string): number {
  return NAMES[text.toUpperCase()] ?? Number(text)
}

/** The first firing strictly after `afterMs` (epoch ms), or undefined within ~2 years. */
export function nextFire(cron: Cron, afterMs: number): number | undefined {
  const ok = (i: number, v: number): boolean => cron[i] === null || cron[i]!.has(v)
  let t = Math.floor(afterMs / 1000) * 1000 + 1000
  const limit = afterMs + 2 * 366 * 86400 * 1000
  while (t < limit) {
    const d = new Date(t + OFFSET_MS)
    if (
      !ok(6, d.getUTCFullYear()) ||
      !ok(4, d.getUTCMonth() + 1) ||
      !ok(3, d.getUTCDate()) ||
      !ok(5, d.getUTCDay())
    ) {
      t = Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + 1) - OFFSET_MS
      continue
    }
    if (!ok(2, d.getUTCHours())) {
      t =
        Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), d.getUTCHours() + 1) -
        OFFSET_MS
      continue
    }
    if (!ok(1, d.getUTCMinutes())) {
      t =
        Date.UTC(
          d.getUTCFullYear(),
          d.getUTCMonth(),
          d.getUTCDate(),
          d.getUTCHours(),
          d.getUTCMinutes() + 1,
        ) - OFFSET_MS
      continue
    }
    if (!ok(0, d.getUTCSeconds())) {
      t += 1000
      continue
    }
    return t
  }
  return undefined
}
