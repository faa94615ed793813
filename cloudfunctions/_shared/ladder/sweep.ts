// The SLA sweep: reads only what is due, in pages through a declared index, and acts on each as
// the system through the one transition door — so a sweep run twice, two sweeps at once, or a
// crash between the ticket write and the push never escalates or pushes twice (the version guard
// and the intents written in the same transaction) and never loses a push (notify's sweep).
import { ActInput } from '../../../types/api/ticket'
import { ALL_HOURS, isQuiet, type DueStep } from './domain/sla'
import { listDue } from '../ticket/store/tickets'
import { dispatchNow } from '../notify/queue'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import { quietHours } from '../runtime/settings'
import { SYSTEM_ACTOR } from '../ticket/actor'
import { transition } from '../ticket/door'
import { actForDue, actedAt } from './step'
import { chainOf } from '../ticket/read'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { TicketDoc } from '../ticket/domain/ticket'

const PAGE = 100
const BUDGET_MS = 10_000

export interface SweepResult {
  /** Due tickets read. */
  read: number
  /** Transitions made. */
  acted: number
  /** Lost a race to a person or another sweep, no longer allowed, or refused by the contract. */
  skipped: number
  /** Pages queried. */
  pages: number
}

/**
 * Acts on every ticket due now. In the quiet hours only those that run around the clock (urgent
 * categories, 重大 hazards: sla.ts `allHours`) are acted on, and deadlines:
 * 逾期 is recorded when it happens, while its push waits for the morning.
 */
export async function sweepDue(ctx: ActionContext): Promise<SweepResult> {
  const now = ctx.now()
  const quiet = quietHours()
  const passes: Array<{ anyOf?: ReadonlyArray<Record<string, unknown>>; step?: DueStep }> = isQuiet(
    now,
    quiet,
  )
    ? [{ anyOf: ALL_HOURS }, { step: 'deadline' }]
    : [{}]
  const result: SweepResult = { read: 0, acted: 0, skipped: 0, pages: 0 }
  // One chain per floor for the whole sweep; the due query already read each ticket.
  const chains = new Map<string, Promise<readonly OwnerStep[]>>()
  const chainFor = (t: TicketDoc) => {
    if (!chains.has(t.floorId)) chains.set(t.floorId, chainOf(ctx, t, now))
    return chains.get(t.floorId)!
  }
  // Elapsed time, not the clock: the budget holds whatever time the sweep acts at.
  const deadline = performance.now() + BUDGET_MS
  for (const pass of passes) {
    let after: { dueAt: Date; id: string } | undefined
    for (;;) {
      const page = await listDue(ctx.db, now, PAGE, { ...pass, after })
      result.pages++
      result.read += page.length
      const intents: string[] = []
      for (const t of page) {
        const act = actForDue(t, now, quiet)
        if (!act) continue
        // The system's act is parsed by the contract like any caller's; one it refuses is a bug,
        // told in the log, and never written.
        const input = ActInput.safeParse(act)
        if (!input.success) {
          console.error(
            `[sla] ${act.action} on ${t._id} refused by its contract`,
            input.error.issues,
          )
          result.skipped++
          continue
        }
        try {
          const done = await transition(ctx, SYSTEM_ACTOR, input.data, {
            ticket: t,
            chainOf: chainFor,
            at: actedAt(t, now),
          })
          // One ticket's counters at a time: a sweep's transitions share their counter documents.
          await done.count()
          intents.push(...done.intents.map((i) => i._id))
          result.acted++
        } catch (error) {
          if (!(error instanceof AppError)) throw error
          result.skipped++
        }
      }
      for (let i = 0; i < intents.length; i += 20) await dispatchNow(ctx, intents.slice(i, i + 20))
      const last = page[page.length - 1]
      // What is left waits for the next sweep (a minute later): one run never nears its timeout.
      if (page.length < PAGE || !last?.dueAt || performance.now() > deadline) break
      after = { dueAt: new Date(last.dueAt), id: last._id }
    }
    if (performance.now() > deadline) break
  }
  return result
}
