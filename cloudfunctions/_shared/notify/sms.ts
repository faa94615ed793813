// The second channel: an SMS to the owner's roster phone through Tencent Cloud SMS (its official
// client), configured by the function's environment: SMS_SDK_APP_ID, SMS_SIGN_NAME, SMS_TEMPLATE_ID,
// SMS_SECRET_ID / SMS_SECRET_KEY (a CAM key allowed to send SMS), optional SMS_REGION and
// SMS_ENDPOINT (host[:port][/path]; `http://` prefix allowed, e.g. the local stand-in).
import type { ActionContext } from '../runtime/context'
import type { Delivery, IntentDoc } from './intent'
import type { Recipient } from '../ticket/domain/machine'

const env = (k: string): string => process.env[k] ?? ''

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

/** Texts one person about an intent's hazard (template: {1} floor, {2} category). */
export async function sendSms(
  _ctx: ActionContext,
  i: IntentDoc,
  to: Recipient & { role: string },
): Promise<Delivery> {
  const base = {
    userId: to.userId,
    name: to.name,
    role: to.role,
    channel: 'sms',
    copy: false,
  } as const
  const phone = toE164(to.phone)
  if (!phone) return { ...base, ok: false, reason: 'no_phone' }
  try {
    const sender = await client()
    const res = await sender.SendSms({
      PhoneNumberSet: [phone],
      SmsSdkAppId: env('SMS_SDK_APP_ID'),
      SignName: env('SMS_SIGN_NAME'),
      TemplateId: env('SMS_TEMPLATE_ID'),
      TemplateParamSet: [param(i.fields.place), param(i.fields.category)],
      // The intent id: the provider's own record of which push this text belongs to.
      SessionContext: i._id.slice(0, 512),
    })
    const status = res.SendStatusSet?.[0]
    return status?.Code === 'Ok'
      ? { ...base, ok: true, code: null, reason: null }
      : { ...base, ok: false, reason: 'sms_failed' }
  } catch (error) {
    console.error('[notify] SMS failed', error)
    return { ...base, ok: false, reason: 'sms_failed' }
  }
}
