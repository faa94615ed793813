// The round's report from its answers and its findings' tickets as they stand. Pure.
import type { ReportCounts } from '../../../../types/api/rounds'
import type { AnswerDoc } from './answers'

const zero = (): ReportCounts => ({
  checked: 0,
  passed: 0,
  failed: 0,
  na: 0,
  fixedOnSpot: 0,
  stillOpen: 0,
})

/** Counts of a set of answers; `open(ticketId)` says whether a finding's hazard is still open. */
export function countAnswers(
  answers: readonly AnswerDoc[],
  open: (ticketId: string) => boolean,
): ReportCounts {
  const c = zero()
  for (const a of answers) {
    c.checked++
    if (a.value === 'pass') c.passed++
    if (a.value === 'na') c.na++
    if (a.value !== 'fail') continue
    c.failed++
    if (a.fixedOnSpot) c.fixedOnSpot++
    if (a.ticketId && open(a.ticketId)) c.stillOpen++
  }
  return c
}

/** The sum of several counts. */
export function addCounts(all: readonly ReportCounts[]): ReportCounts {
  const total = zero()
  for (const c of all)
    for (const k of Object.keys(total) as Array<keyof ReportCounts>) total[k] += c[k]
  return total
}

/** The line the bulletin and the cockpit print. */
export function figuresLine(rounds: number, findings: number, fixedOnSpot: number): string {
  return `巡查 ${rounds} 次，发现 ${findings} 项，立行立改 ${fixedOnSpot} 项`
}
