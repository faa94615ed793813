// What the app does right after a report or an act answered with pending pushes: `ticket.follow`,
// which sends them, counts the ticket and screens its photos, and answers the settled view.
import type { Backend } from './backend'
import type { TicketView } from '../../../types/api/ticket'

/** The ticket as `openid` sees it once `ticket.follow` has settled it. */
export function follow(b: Backend, openid: string, id: string): Promise<TicketView> {
  return b.okAs<TicketView>(openid, 'ticket', 'follow', { id })
}

/** Reports as `openid` the way the success screen ends: created, then followed until settled. */
export async function reportFollowed(
  b: Backend,
  openid: string,
  input: Record<string, unknown>,
): Promise<TicketView> {
  const created = await b.okAs<TicketView>(openid, 'ticket', 'create', input)
  return follow(b, openid, created.id)
}
