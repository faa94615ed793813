// A person's evening lists in the app: every list written for them in the last days, whether or not
// a push could carry it, with what is still unread (the badge).
import { hospitalTime } from '../../../types/time'
import type { ActionContext } from '../runtime/context'
import { eveningsOfUser } from './store/outbox'

const DAYS = 7

/** The caller's evening lists of the last week, newest first, and how many are unread. */
export async function eveningsOf(ctx: ActionContext, userId: string) {
  const since = new Date(ctx.now().getTime() - DAYS * 86400_000)
  const items = (await eveningsOfUser(ctx.db, userId, since))
    .sort((a, b) => new Date(b.createdAt).getTime() - new Date(a.createdAt).getTime())
    .map((i) => ({
      id: i._id,
      // ticketId is `evening:<buildingId>:<day>`
      buildingId: i.ticketId.split(':')[1] ?? '',
      buildingName: i.fields.place,
      date: hospitalTime(i.createdAt).format('YYYY-MM-DD'),
      summary: i.fields.note,
      pushed: i.outcome === 'sent',
      read: Boolean(i.readAt),
    }))
  return { items, unread: items.filter((i) => !i.read).length }
}
