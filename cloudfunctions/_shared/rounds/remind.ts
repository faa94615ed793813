// The day before a round, its leader is reminded (a push through the notify wing's outbox, kept to
// the one template the leader consented to); a round due is in their 待办 from its day on.
import { fromHospitalTime, hospitalTime } from '../../../types/time'
import type { ActionContext } from '../runtime/context'
import { getUsersByIds } from '../runtime/users'
import { unsentState, type IntentDoc } from '../notify/intent'
import { insertIntents } from '../notify/store/outbox'
import { dispatchNow } from '../notify/queue'
import { dayAfter } from './domain/schedule'
import type { RoundDoc } from './domain/round'
import { listToRemind, markReminded } from './store/rounds'

/** The reminder's push (its id: one per round). */
function reminderIntent(
  round: RoundDoc,
  to: { _id: string; openid: string; name: string; phone?: string },
  now: Date,
): IntentDoc {
  return {
    _id: `round:${round._id}:reminder`,
    kind: 'round',
    ticketId: `round:${round._id}`,
    to: { userId: to._id, openid: to.openid, name: to.name, phone: to.phone, role: '带队人' },
    copyTo: [],
    urgent: false,
    page: `rounds/pages/walk/index?id=${round._id}`,
    fields: {
      category: `${round.templateName}巡查`,
      place: `${round.buildingName}（${round.floors.length}层）`,
      time: fromHospitalTime(`${round.date} 09:00:00`).toDate(),
      note: `明天带队巡查，共${round.floors.length}个楼层`,
    },
    ...unsentState('round', now),
  }
}

/** Reminds the leader of every round scheduled for tomorrow not yet reminded; returns how many. */
export async function remindTomorrow(ctx: ActionContext): Promise<{ reminded: number }> {
  const now = ctx.now()
  const tomorrow = dayAfter(hospitalTime(now).format('YYYY-MM-DD'))
  const rounds = await listToRemind(ctx.db, tomorrow)
  if (rounds.length === 0) return { reminded: 0 }
  const leaders = new Map(
    (await getUsersByIds(ctx.db, [...new Set(rounds.map((r) => r.leaderId))])).map((u) => [
      u._id,
      u,
    ]),
  )
  const intents = rounds.flatMap((r) => {
    const leader = leaders.get(r.leaderId)
    return leader?.active ? [reminderIntent(r, leader, now)] : []
  })
  await insertIntents(ctx.db, intents)
  for (let i = 0; i < intents.length; i += 20)
    await dispatchNow(
      ctx,
      intents.slice(i, i + 20).map((x) => x._id),
    )
  for (const r of rounds) await markReminded(ctx.db, r._id, now)
  return { reminded: intents.length }
}
