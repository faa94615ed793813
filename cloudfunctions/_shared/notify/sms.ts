// SMS through Tencent Cloud (the official tencentcloud-sdk-nodejs-sms client). Texts are queued per
// number: one send names every hazard waiting for that number, and a number the provider refuses
// for its per-number limits is retried when the limit frees (notify's timer flushes what is due).
// Configured by the function's environment: SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_TEMPLATE_ID (one
// hazard: {1} floor, {2} category), optional SMS_BATCH_TEMPLATE_ID (several: {1} and {2} two hazards,
// {3} how many), SMS_SECRET_ID / SMS_SECRET_KEY (a CAM key allowed to send SMS), optional SMS_REGION
// and SMS_ENDPOINT (host[:port][/path]; `http://` prefix allowed, e.g. the local stand-in).
import type { ActionContext } from '../runtime/context'
import type { Delivery, IntentDoc } from './intent'
import type { Recipient } from '../ticket/domain/machine'
import { smsReason, smsRetryAt, smsRetryable } from './domain/sms-codes'
import {
  claimSms,
  dueForNumber,
  dueNumbers,
  getSms,
  queueSms,
  recentSends,
  releaseStaleSms,
  settleSms,
  type SmsItem,
} from './store/sms-queue'
import { reviseSmsDelivery } from './store/outbox'

const env = (k: string): string => process.env[k] ?? ''
const MAX_TRIES = 5

/** Whether the function's environment configures SMS. */
export function smsConfigured(): boolean {
  return Boolean(env('SMS_SDK_APP_ID') && env('SMS_SIGN_NAME') && env('SMS_TEMPLATE_ID'))
}

/** A mainland mobile number in E.164, or '' when the roster's phone is not one. */
export function toE164(phone: string | undefined): string {
  const digits = (phone ?? '').replace(/[\s-]/g, '')
  if (/^\+861\d{10}$/.test(digits)) return digits
  if (/^1\d{10}$/.test(digits)) return `+86${digits}`
  return ''
}

/** Cuts a template variable to the platform's limit (12 characters for a variable). */
function param(value: string): string {
  const chars = [...value.replace(/\s+/g, '')]
  return chars.length <= 12 ? chars.join('') || '—' : chars.slice(0, 12).join('')
}

/** A hazard in a few characters: the floor without the building's alias, then the category. */
const shortPlace = (place: string) => place.replace(/（[^）]*）|\([^)]*\)/g, '')
const label = (x: SmsItem) => param(`${shortPlace(x.place)}${x.category}`)

/** The template and its variables for the texts of one number. */
function body(items: SmsItem[]): { templateId: string; params: string[] } {
  const batch = env('SMS_BATCH_TEMPLATE_ID')
  if (items.length === 1 || !batch)
    return {
      templateId: env('SMS_TEMPLATE_ID'),
      params: [
        param(shortPlace(items[0].place)),
        param(items.length === 1 ? items[0].category : `${items[0].category}等${items.length}处`),
      ],
    }
  return {
    templateId: batch,
    params: [label(items[0]), label(items[1]), `共${items.length}处`],
  }
}

// The official client is loaded on the first text, not with the function: most invocations send none.
async function client() {
  const { sms } = await import('tencentcloud-sdk-nodejs-sms')
  const raw = env('SMS_ENDPOINT')
  const [protocol, endpoint] = raw.startsWith('http://')
    ? ['http://', raw.slice(7)]
    : ['https://', raw.replace(/^https:\/\//, '') || 'sms.tencentcloudapi.com']
  return new sms.v20210111.Client({
    credential: { secretId: env('SMS_SECRET_ID'), secretKey: env('SMS_SECRET_KEY') },
    region: env('SMS_REGION') || 'ap-guangzhou',
    profile: { httpProfile: { protocol, endpoint, reqTimeout: 5 } },
  })
}

/** One SendSms for one number; the provider's code ('Ok' when sent, 'Network' when unreachable). */
async function send(phone: string, items: SmsItem[]): Promise<string> {
  const { templateId, params } = body(items)
  try {
    const res = await (
      await client()
    ).SendSms({
      PhoneNumberSet: [phone],
      SmsSdkAppId: env('SMS_SDK_APP_ID'),
      SignName: env('SMS_SIGN_NAME'),
      TemplateId: templateId,
      TemplateParamSet: params,
      // The intent ids: the provider's own record of which pushes this text belongs to.
      SessionContext: items
        .map((x) => x._id)
        .join(',')
        .slice(0, 500),
    })
    return res.SendStatusSet?.[0]?.Code ?? 'InternalError'
  } catch (error) {
    const code = (error as { code?: string }).code
    console.error('[notify] SMS failed', code ?? error)
    return typeof code === 'string' && code ? code : 'Network'
  }
}

/** How one text ended, as a delivery of its intent. */
function deliveryOf(x: SmsItem): Delivery {
  const ok = x.status === 'sent'
  return {
    userId: x.userId,
    name: x.name,
    role: x.role,
    channel: 'sms',
    copy: false,
    ok,
    reason: ok ? null : x.status === 'failed' ? 'sms_failed' : 'sms_retry',
    providerCode: x.code,
    detail: ok ? null : x.reason,
    retryAt: x.status === 'queued' ? new Date(x.notBefore).toISOString() : null,
  }
}

/**
 * Sends one text naming every hazard due for `phone` and records the answer on each: sent, queued
 * again for when the limit frees, or failed with its reason. Intents other than `current` (being
 * dispatched by the caller) have their delivery revised.
 */
async function flushNumber(
  ctx: ActionContext,
  phone: string,
  current?: string,
): Promise<SmsItem[]> {
  const now = ctx.now()
  const claimed: SmsItem[] = []
  for (const x of await dueForNumber(ctx.db, phone, now))
    if (await claimSms(ctx.db, x._id, now)) claimed.push({ ...x, attempts: x.attempts + 1 })
  if (claimed.length === 0) return []
  const code = await send(phone, claimed)
  const at = ctx.now()
  const ids = claimed.map((x) => x._id)
  let settled: Partial<SmsItem>
  if (code === 'Ok') settled = { status: 'sent', code, reason: null, sentAt: at }
  else if (smsRetryable(code) && claimed.every((x) => x.attempts < MAX_TRIES))
    settled = {
      status: 'queued',
      code,
      reason: smsReason(code),
      notBefore: smsRetryAt(code, at, await recentSends(ctx.db, phone, at)),
    }
  else settled = { status: 'failed', code, reason: smsReason(code) }
  await settleSms(ctx.db, ids, settled as Parameters<typeof settleSms>[2], at)
  const done = claimed.map((x) => ({ ...x, ...settled }) as SmsItem)
  for (const x of done)
    if (x._id !== current) await reviseSmsDelivery(ctx.db, x._id, deliveryOf(x), at)
  return done
}

/** Texts one person about an intent's hazard, batched with whatever else waits for their number. */
export async function sendSms(
  ctx: ActionContext,
  i: IntentDoc,
  to: Recipient & { role: string },
): Promise<Delivery> {
  const phone = toE164(to.phone)
  const now = ctx.now()
  const item: SmsItem = {
    _id: i._id,
    phone,
    userId: to.userId,
    name: to.name,
    role: to.role,
    place: i.fields.place,
    category: i.fields.category,
    status: phone ? 'queued' : 'failed',
    notBefore: now,
    attempts: 0,
    code: phone ? null : 'NoPhone',
    reason: phone ? null : smsReason('NoPhone'),
    sentAt: null,
    createdAt: now,
    updatedAt: now,
  }
  if (!phone) return { ...deliveryOf(item), reason: 'no_phone' }
  // A retried dispatch finds its text already queued (or sent): it is never texted twice.
  await queueSms(ctx.db, item)
  const mine = (await flushNumber(ctx, phone, i._id)).find((x) => x._id === i._id)
  if (mine) return deliveryOf(mine)
  // Sent before, or taken by a concurrent send for the same number: say where it stands.
  return deliveryOf((await getSms(ctx.db, i._id)) ?? item)
}

/** The timer's part: texts whose number is free again go out, one text per number. */
export async function flushDueSms(ctx: ActionContext): Promise<number> {
  if (!smsConfigured()) return 0
  await releaseStaleSms(ctx.db, new Date(ctx.now().getTime() - 60_000))
  let sent = 0
  for (const phone of await dueNumbers(ctx.db, ctx.now()))
    sent += (await flushNumber(ctx, phone)).filter((x) => x.status === 'sent').length
  return sent
}
