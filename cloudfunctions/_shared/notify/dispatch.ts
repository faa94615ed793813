// Sending queued intents: claim each with a conditional update (so no intent is sent twice), spend
// one consent credit, send, record `sent` or `failed` with WeChat's code. 43101 on an assignment
// escalates the ticket at once and lights the recipient's red badge.
import { TEMPLATE_IDS } from '../../../types/api/notify'
import { fitField } from '../domain/notify-fields'
import type { ActionContext, Database } from '../runtime/context'
import { rowsOf } from '../db/rows'
import type { NotificationIntent } from './queue'

interface IntentDoc extends NotificationIntent {
  _id: string
  status: 'pending' | 'sending' | 'sent' | 'failed'
  attempts: number
}

const TEMPLATE_FIELDS: Record<
  NotificationIntent['kind'],
  (i: IntentDoc) => Record<string, { value: string }>
> = {
  assigned: (i) => ({
    thing1: { value: fitField('thing', i.fields.category) },
    thing2: { value: fitField('thing', i.fields.place) },
    time3: { value: fitField('time', i.fields.time) },
    thing4: { value: fitField('thing', i.fields.note) },
  }),
  escalated: (i) => ({
    thing1: { value: fitField('thing', i.fields.category) },
    thing2: { value: fitField('thing', i.fields.place) },
    time3: { value: fitField('time', i.fields.time) },
    thing4: { value: fitField('thing', i.fields.note) },
  }),
  resolved: (i) => ({
    thing1: { value: fitField('thing', i.fields.category) },
    thing2: { value: fitField('thing', i.fields.place) },
    phrase3: { value: fitField('phrase', '已处理') },
    time4: { value: fitField('time', i.fields.time) },
  }),
}

/** Adds one credit per accepted template; returns the user's credits. */
export async function recordConsent(
  db: Database,
  userId: string,
  templateIds: string[],
): Promise<Record<string, number>> {
  const _ = db.command
  if (templateIds.length)
    await db
      .collection('users')
      .where({ _id: userId })
      .update({ data: { unreachable: false } })
  for (const templateId of templateIds) {
    const key = `${userId}|${templateId}`
    const res = (await db
      .collection('consents')
      .where({ _id: key })
      .update({ data: { credits: _.inc(1), updatedAt: new Date() } })) as {
      stats?: { updated?: number }
    }
    if (!res.stats?.updated) {
      try {
        await db
          .collection('consents')
          .add({ data: { _id: key, userId, templateId, credits: 1, updatedAt: new Date() } })
      } catch {
        await db
          .collection('consents')
          .where({ _id: key })
          .update({ data: { credits: _.inc(1) } })
      }
    }
  }
  const rows = rowsOf<{ templateId: string; credits: number }>(
    await db.collection('consents').where({ userId }).limit(20).get(),
  )
  return Object.fromEntries(rows.map((r) => [r.templateId, r.credits]))
}

/** Sends the given pending intents (or every pending one when `ids` is empty). */
export async function dispatchPending(
  ctx: ActionContext,
  ids: string[],
): Promise<{ sent: number; failed: number }> {
  const db = ctx.db
  const _ = db.command
  if (ids.length === 0) {
    // The sweep: an intent claimed by a dispatcher that died before recording the outcome goes back to pending.
    const stale = new Date(Date.now() - 60_000)
    await db
      .collection('notifications')
      .where({ status: 'sending', updatedAt: _.lt(stale) })
      .update({ data: { status: 'pending' } })
  }
  const where = ids.length ? { _id: _.in(ids), status: 'pending' } : { status: 'pending' }
  const intents = rowsOf<IntentDoc>(
    await db.collection('notifications').where(where).limit(50).get(),
  )
  let sent = 0
  let failed = 0
  for (const intent of intents) {
    const claimed = (await db
      .collection('notifications')
      .where({ _id: intent._id, status: 'pending' })
      .update({ data: { status: 'sending', attempts: _.inc(1), updatedAt: new Date() } })) as {
      stats?: { updated?: number }
    }
    if (!claimed.stats?.updated) continue
    const templateId = TEMPLATE_IDS[intent.kind]
    const key = `${intent.toUserId}|${templateId}`
    const spent = (await db
      .collection('consents')
      .where({ _id: key, credits: _.gt(0) })
      .update({ data: { credits: _.inc(-1) } })) as { stats?: { updated?: number } }
    let errCode = 0
    if (!spent.stats?.updated) {
      errCode = 43101
    } else {
      try {
        await ctx.cloud.openapi.subscribeMessage.send({
          touser: intent.toOpenid,
          templateId,
          page: `pages/ticket/index?id=${intent.ticketId}`,
          data: TEMPLATE_FIELDS[intent.kind](intent),
          miniprogramState: 'formal',
          lang: 'zh_CN',
        })
      } catch (error) {
        errCode = Number((error as { errCode?: number }).errCode ?? -1)
      }
    }
    await db
      .collection('notifications')
      .where({ _id: intent._id })
      .update({
        data: {
          status: errCode ? 'failed' : 'sent',
          errCode: errCode || null,
          updatedAt: new Date(),
        },
      })
    if (errCode) failed++
    else sent++
    if (errCode === 43101) {
      await db
        .collection('users')
        .where({ _id: intent.toUserId })
        .update({ data: { unreachable: true } })
      if (intent.kind !== 'resolved') {
        await ctx.cloud.callFunction({
          name: 'ticket',
          data: {
            action: 'escalateUnreachable',
            input: { ticketId: intent.ticketId, fromUserId: intent.toUserId },
          },
        })
      }
    }
  }
  return { sent, failed }
}
