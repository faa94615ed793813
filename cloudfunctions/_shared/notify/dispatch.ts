// Sending queued intents. Each is claimed with a conditional update (never sent twice), then the
// owner is tried; when they cannot be pushed, the next reachable person up the chain gets a copy
// (抄送) — ownership never moves here; urgent categories, and a chain nobody could be pushed in,
// fall back to SMS and else to the safety office's board. Every attempt is recorded on the intent.
import { TEMPLATE_IDS } from '../../../types/api/notify'
import { fitField } from './domain/fields'
import type { Recipient } from '../ticket/domain/machine'
import { claimIntent, finishIntent, pendingIntents, releaseStaleClaims } from './store/outbox'
import { clearCredits, consentsOf, refundCredit, spendCredit } from './store/consents'
import { markUnreachable } from '../runtime/users'
import type { ActionContext } from '../runtime/context'
import { isSummary, type Delivery, type IntentDoc } from './intent'
import { LONG_TERM_TEMPLATE, templateFor } from './templates'
import { flushDueSms, sendSms, smsConfigured } from './sms'

type Person = Recipient & { role: string }

function fieldsFor(templateId: string, i: IntentDoc, note: string) {
  if (templateId === TEMPLATE_IDS.resolved)
    return {
      thing1: { value: fitField('thing', i.fields.category) },
      thing2: { value: fitField('thing', i.fields.place) },
      phrase3: { value: fitField('phrase', '已处理') },
      time4: { value: fitField('time', i.fields.time) },
    }
  // The long-term template's time field is the report time, whatever the push is about.
  const time =
    templateId === TEMPLATE_IDS.longTerm ? (i.fields.reportedAt ?? i.fields.time) : i.fields.time
  return {
    thing1: { value: fitField('thing', i.fields.category) },
    thing2: { value: fitField('thing', i.fields.place) },
    time3: { value: fitField('time', time) },
    thing4: { value: fitField('thing', note) },
  }
}

/** One subscription message to one person, if they have consent to spend. */
async function push(
  ctx: ActionContext,
  i: IntentDoc,
  to: Person,
  copy: boolean,
  note: string,
): Promise<Delivery> {
  const base = {
    userId: to.userId,
    name: to.name,
    role: to.role,
    channel: 'subscribe',
    copy,
  } as const
  if (!to.openid) return { ...base, ok: false, reason: 'no_openid' }
  const held = await consentsOf(ctx.db, to.userId)
  const longTerm =
    i.kind !== 'resolved' &&
    LONG_TERM_TEMPLATE !== undefined &&
    held.some((c) => c.templateId === LONG_TERM_TEMPLATE && c.longTerm)
  const templateId = longTerm ? LONG_TERM_TEMPLATE! : templateFor(i.kind)
  if (!longTerm && !(await spendCredit(ctx.db, to.userId, templateId)))
    return { ...base, ok: false, code: 43101, reason: 'no_consent' }
  try {
    await ctx.cloud.openapi.subscribeMessage.send({
      touser: to.openid,
      templateId,
      page: i.page ?? `pages/ticket/index?id=${i.ticketId}${copy ? '&copy=1' : ''}`,
      data: fieldsFor(templateId, i, note),
      miniprogramState: 'formal',
      lang: 'zh_CN',
    })
    return { ...base, ok: true, code: null, reason: null }
  } catch (error) {
    const code = Number((error as { errCode?: number }).errCode ?? -1)
    if (code === 43101) await clearCredits(ctx.db, to.userId, templateId)
    else if (!longTerm) await refundCredit(ctx.db, to.userId, templateId)
    return { ...base, ok: false, code, reason: code === 43101 ? 'no_consent' : 'send_failed' }
  }
}

/** Every attempt for one intent, in order, and how it ended. */
async function deliver(
  ctx: ActionContext,
  i: IntentDoc,
): Promise<Pick<IntentDoc, 'deliveries' | 'outcome'>> {
  const deliveries: Delivery[] = [await push(ctx, i, i.to, false, i.fields.note)]
  // A hazard's owner who cannot be pushed gets a copy sent up the chain; summaries do not.
  const toCaptain = i.kind !== 'resolved' && !isSummary(i.kind)
  if (!deliveries[0].ok && toCaptain) {
    const note = `${i.to.role} ${i.to.name} 暂未开启提醒`
    for (const up of i.copyTo) {
      const d = await push(ctx, i, up, true, note)
      deliveries.push(d)
      if (d.ok) break
    }
  }
  const reached = deliveries.some((d) => d.ok)
  if (toCaptain && (i.urgent || !reached) && smsConfigured())
    deliveries.push(await sendSms(ctx, i, i.to))
  const primary = deliveries[0].ok
  const copied = deliveries.some((d) => d.copy && d.ok)
  const texted = deliveries.some((d) => d.channel === 'sms' && d.ok)
  const outcome = primary
    ? 'sent'
    : copied
      ? 'copied'
      : texted
        ? 'sms'
        : toCaptain
          ? 'board'
          : i.kind === 'evening'
            ? 'inapp'
            : 'failed'
  if (outcome === 'board')
    deliveries.push({
      userId: 'safety-board',
      name: '安全办看板',
      role: '安全办',
      channel: 'board',
      copy: true,
      ok: true,
    })
  return { deliveries, outcome }
}

/** Sends the given pending intents (or every pending one when `ids` is empty: the timer sweep). */
export async function dispatchPending(
  ctx: ActionContext,
  ids: string[],
): Promise<{ sent: number; failed: number; intents: IntentDoc[] }> {
  if (ids.length === 0) {
    await releaseStaleClaims(ctx.db, new Date(ctx.now().getTime() - 60_000))
    // Texts held back by a number's limits go out once it frees.
    await flushDueSms(ctx)
  }
  let sent = 0
  let failed = 0
  const done: IntentDoc[] = []
  for (const intent of await pendingIntents(ctx.db, ids, ctx.now())) {
    // Held for the quiet hours: answered as it is (the record says when it will go out).
    if (intent.held && new Date(intent.notBefore) > ctx.now()) {
      done.push(intent)
      continue
    }
    if (!(await claimIntent(ctx.db, intent._id, ctx.now()))) continue
    const result = await deliver(ctx, intent)
    // Only a hazard's push says a captain cannot be reached; a summary without credit is no sign.
    if (result.deliveries[0].reason === 'no_consent' && !isSummary(intent.kind))
      await markUnreachable(ctx.db, intent.to.userId, ctx.now())
    const now = ctx.now()
    await finishIntent(ctx.db, intent._id, { status: 'done', ...result }, now)
    done.push({ ...intent, status: 'done', ...result, updatedAt: now })
    if (result.outcome === 'sent') sent++
    else failed++
  }
  return { sent, failed, intents: done }
}
