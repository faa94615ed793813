// What the app does right after a report or an act answered with pending pushes: `ticket.follow`,
// which sends them, counts the ticket and screens its photos, and answers the settled view.
import type { Backend } from './backend'
import type { TicketView } from '../../../types/api/ticket'

/** The ticket as `openid` sees it once `ticket.follow` has settled it. */
export function follow(b: Backend, openid: string, id: string): Promise<TicketView> {
  return b.okAs<TicketView>(openid, 'ticket', 'follow', { id })
}
