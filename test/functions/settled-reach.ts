// A ticket's pushes are sent beside the answer that reported or acted on it: tests read the ticket
// again until no reach line is pending, as the app's screens do.
import type { Backend } from './helpers/backend'
import type { TicketView } from '../../types/api/ticket'

/** The ticket as `openid` sees it once every push has an outcome (polled, at most ~10 s). */
export async function settledTicket(b: Backend, openid: string, id: string): Promise<TicketView> {
  const started = Date.now()
  for (let pause = 5; ; pause = Math.min(pause * 2, 200)) {
    const view = await b.okAs<TicketView>(openid, 'ticket', 'get', { id })
    if (!view.reach.some((r) => r.pending)) return view
    if (Date.now() - started > 10_000) throw new Error(`ticket ${id}: a push is still pending`)
    await new Promise((resolve) => setTimeout(resolve, pause))
  }
}
