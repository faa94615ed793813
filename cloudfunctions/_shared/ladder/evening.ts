// The evening problem list (晚间问题清单): each 楼长 and 协管员 of a building with open work gets one
// list summarising it today — new, fixed on the spot, still open, overdue, escalated to them — kept
// in the app (with a badge) and pushed where consent allows, and a page that lists the same, grouped
// by floor. It replaces the list captains typed into a group chat.
import { Role } from '../../../types/roles'
import { hospitalTime } from '../../../types/time'
import { OPEN_STATES, type TicketState } from '../../../types/ticket'
import { localDay, startOfLocalDay } from './domain/sla'
import type { TicketDoc } from '../ticket/domain/ticket'
import { buildingDuties, listBuildings } from '../org/store/org'
import { getUsersByIds } from '../runtime/users'
import { claimRun, finishRun } from './store'
import { listBuildingOpen, listBuildingUpdatedSince } from '../ticket/store/tickets'
import { insertIntents } from '../notify/store/outbox'
import { unsentState, type IntentDoc } from '../notify/intent'
import { dispatchNow } from '../notify/queue'
import type { ActionContext } from '../runtime/context'
import type { UserDoc } from '../runtime/users'
import { eveningListAt } from '../runtime/settings'

export type EveningTag = 'new' | 'fixed' | 'open' | 'overdue' | 'escalated'

/** One building's day: every ticket that matters tonight with why. */
export interface BuildingDay {
  tickets: Array<{ ticket: TicketDoc; tags: EveningTag[] }>
  counts: Record<EveningTag, number>
}

const isOpen = (t: TicketDoc) => (OPEN_STATES as readonly TicketState[]).includes(t.status)

/** What happened in a building from the start of `at`'s local day until `at`. */
export async function buildingDay(
  ctx: ActionContext,
  buildingId: string,
  at: Date,
  viewerId?: string,
): Promise<BuildingDay> {
  const start = startOfLocalDay(at)
  const [changed, open] = await Promise.all([
    listBuildingUpdatedSince(ctx.db, buildingId, start),
    listBuildingOpen(ctx.db, buildingId),
  ])
  const byId = new Map<string, TicketDoc>([...changed, ...open].map((t) => [t._id, t]))
  const counts: Record<EveningTag, number> = { new: 0, fixed: 0, open: 0, overdue: 0, escalated: 0 }
  const tickets = [...byId.values()].flatMap((t) => {
    const tags: EveningTag[] = []
    if (new Date(t.createdAt) >= start) tags.push('new')
    if (t.status === 'fixed' && t.resolvedAt && new Date(t.resolvedAt) >= start) tags.push('fixed')
    if (isOpen(t)) tags.push('open')
    if (isOpen(t) && t.overdue) tags.push('overdue')
    if (isOpen(t) && t.level >= 1 && (!viewerId || t.ownerId === viewerId)) tags.push('escalated')
    for (const tag of tags) counts[tag]++
    return tags.length ? [{ ticket: t, tags }] : []
  })
  return { tickets, counts }
}

/** The push's one-line summary. */
export function summaryLine(c: Record<EveningTag, number>): string {
  return `新增${c.new} 立改${c.fixed} 未结${c.open} 逾期${c.overdue} 升级${c.escalated}`
}

/** The evening's push for one person answering for a building (its id: one per building and day). */
function eveningIntent(
  u: UserDoc,
  level: 1 | 2,
  building: { _id: string; name: string },
  day: string,
  counts: Record<EveningTag, number>,
  now: Date,
): IntentDoc {
  return {
    _id: `evening:${day}:${building._id}:${u._id}`,
    kind: 'evening',
    ticketId: `evening:${building._id}:${day}`,
    to: {
      userId: u._id,
      openid: u.openid,
      name: u.name,
      level,
      phone: u.phone,
      role: level === 2 ? '楼长' : '协管员',
    },
    copyTo: [],
    urgent: false,
    page: `pages/evening/index?buildingId=${building._id}&date=${day}`,
    fields: {
      category: '晚间问题清单',
      place: building.name,
      time: now,
      note: summaryLine(counts),
    },
    ...unsentState('evening', now),
  }
}

/**
 * After the evening hour, once a day: one list per 楼长 and 协管员 of each building with open work —
 * a building with none sends nothing. Each list is kept for the in-app list (its badge); the push
 * goes where a long-term consent or a banked credit allows. Returns how many lists were written.
 */
export async function sendEveningLists(ctx: ActionContext): Promise<number> {
  const now = ctx.now()
  const at = eveningListAt()
  const local = hospitalTime(now)
  if (local.hour() * 60 + local.minute() < at.hour * 60 + at.minute) return 0
  const day = localDay(now)
  // A run that crashed half-way is taken up again after a while; intent ids make that harmless.
  if (!(await claimRun(ctx.db, `evening:${day}`, now, 10 * 60_000))) return 0
  const intents: IntentDoc[] = []
  for (const b of await listBuildings(ctx.db)) {
    const { tickets, counts } = await buildingDay(ctx, b._id, now)
    if (counts.open === 0) continue
    const duties = await buildingDuties(ctx.db, b._id, now)
    const users = await getUsersByIds(
      ctx.db,
      duties.map((d) => d.userId),
    )
    for (const u of users.filter((x) => x.active)) {
      // 升级给我: what climbed to this person, counted for them alone.
      const escalated = tickets.filter(
        (x) => x.tags.includes('open') && x.ticket.level >= 1 && x.ticket.ownerId === u._id,
      ).length
      const level = duties.find((d) => d.userId === u._id)?.duty === Role.buildingCaptain ? 2 : 1
      intents.push(eveningIntent(u, level, b, day, { ...counts, escalated }, now))
    }
  }
  await insertIntents(ctx.db, intents)
  for (let i = 0; i < intents.length; i += 20)
    await dispatchNow(
      ctx,
      intents.slice(i, i + 20).map((x) => x._id),
    )
  await finishRun(ctx.db, `evening:${day}`, now)
  return intents.length
}
