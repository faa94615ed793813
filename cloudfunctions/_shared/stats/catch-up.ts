// The per-minute catch-up: counts every transition its ticket's transaction recorded but counting
// left behind (a crash, a timeout, conflicts past the live retries). Counting marks the row in the
// same transaction that bumps the counters, so racing catch-ups and live counts count it once.
import { listUncounted } from './store/counters'
import { countRow } from './record'
import type { Database } from '../runtime/context'

const PAGE = 100
/** Elapsed time one run may spend; what is left waits for the next minute. */
const BUDGET_MS = 20_000

/** What one catch-up did: rows counted now, rows another counter had counted, rows left. */
export interface CatchUp {
  counted: number
  already: number
  failed: number
}

/** Counts the uncounted transitions, oldest id first, within the run's time budget. */
export async function countLeftovers(db: Database): Promise<CatchUp> {
  const out: CatchUp = { counted: 0, already: 0, failed: 0 }
  const deadline = performance.now() + BUDGET_MS
  let after: string | undefined
  for (;;) {
    const page = await listUncounted(db, PAGE, after)
    for (const row of page) {
      if (performance.now() > deadline) return out
      try {
        if (await countRow(db, row)) out.counted++
        else out.already++
      } catch (error) {
        out.failed++
        console.warn('[stats] catch-up could not count', row._id, error)
      }
    }
    if (page.length < PAGE) return out
    after = page[page.length - 1]._id
  }
}
