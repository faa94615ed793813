// Tencent Cloud SMS SendSms (2021-01-11) rules, pure: what makes a request fail as a whole (a
// top-level Response.Error) and what fails one number (a Code in SendStatusSet). Codes are the
// platform's own (https://cloud.tencent.com/document/product/382/59177).
import type { SmsAccount, SmsTemplate } from './account'

export interface SmsError {
  Code: string
  Message: string
}

export interface SendSmsRequest {
  phones: string[]
  sdkAppId: string
  signName: string
  template: SmsTemplate
  params: string[]
  sessionContext: string
  /** The text as the phone shows it: 【signature】body with the variables filled in. */
  text: string
}

const HOUR = 3_600_000
const BEIJING = 8 * HOUR
const MAX_NUMBERS = 200
const URL_LIKE = /(https?:\/\/|www\.|\.(com|cn|net|org)\b)/i

const err = (Code: string, Message: string): { error: SmsError } => ({ error: { Code, Message } })
const chars = (s: string): number => [...s].length

/** A mainland mobile number in E.164 (+86 and 11 digits starting with 1). */
export const isMainlandMobile = (phone: string): boolean => /^\+861[3-9]\d{9}$/.test(phone)
/** Any E.164 number: + and 8–15 digits, no leading zero. */
export const isE164 = (phone: string): boolean => /^\+[1-9]\d{7,14}$/.test(phone)

/** Fills {1}, {2}… and prepends the signature. */
export function renderSms(signName: string, content: string, params: string[]): string {
  return `【${signName}】${content.replace(/\{(\d+)\}/g, (_m, n: string) => params[Number(n) - 1] ?? '')}`
}

/** Billing units: 70 characters fit one message, longer texts are split into 67-character parts. */
export function smsFee(text: string): number {
  const n = chars(text)
  return n <= 70 ? 1 : Math.ceil(n / 67)
}

/** Checks the headers and body of a SendSms call; the request, or the error that rejects it whole. */
export function checkSendSms(
  headers: { authorization?: string; action?: string; version?: string },
  body: unknown,
  account: SmsAccount | undefined,
): { request: SendSmsRequest } | { error: SmsError } {
  if (!headers.authorization)
    return err(
      'AuthFailure.InvalidAuthorization',
      'Authorization header is missing: sign the request (TC3-HMAC-SHA256)',
    )
  if (headers.action !== 'SendSms')
    return err(
      'InvalidAction',
      `The action \`${headers.action ?? ''}\` is not found (emulated: SendSms)`,
    )
  if (headers.version !== '2021-01-11')
    return err(
      'NoSuchVersion',
      `The API version \`${headers.version ?? ''}\` is not found (emulated: 2021-01-11)`,
    )
  if (!body || typeof body !== 'object' || Array.isArray(body))
    return err('FailedOperation.JsonParseFail', 'the request body is not a JSON object')
  const b = body as Record<string, unknown>
  const phones = b.PhoneNumberSet
  if (phones !== undefined && (!Array.isArray(phones) || phones.some((p) => typeof p !== 'string')))
    return err('InvalidParameter', 'PhoneNumberSet must be an array of strings')
  if (!Array.isArray(phones) || phones.length === 0)
    return err('MissingParameter.EmptyPhoneNumberSet', 'the phone number set is empty')
  if (phones.length > MAX_NUMBERS)
    return err(
      'LimitExceeded.PhoneNumberCountLimit',
      `the number of phone numbers in one request exceeds ${MAX_NUMBERS}`,
    )
  for (const key of ['SmsSdkAppId', 'TemplateId'])
    if (typeof b[key] !== 'string' || !b[key])
      return err('MissingParameter', `The request is missing a required parameter \`${key}\``)
  if (!account || b.SmsSdkAppId !== account.sdkAppId)
    return err(
      'InvalidParameterValue.SdkAppIdNotExist',
      `SdkAppId ${String(b.SmsSdkAppId)} does not exist`,
    )
  const signName = typeof b.SignName === 'string' ? b.SignName : ''
  if (!account.signNames.includes(signName))
    return err(
      'FailedOperation.SignatureIncorrectOrUnapproved',
      `signature "${signName}" is not approved (approved: ${account.signNames.join(', ')})`,
    )
  const template = account.templates.find((t) => t.id === b.TemplateId)
  if (!template)
    return err(
      'FailedOperation.TemplateUnapprovedOrNotExist',
      `template ${String(b.TemplateId)} is not approved or does not exist`,
    )
  const params = b.TemplateParamSet ?? []
  if (!Array.isArray(params) || params.some((p) => typeof p !== 'string'))
    return err('InvalidParameter', 'TemplateParamSet must be an array of strings')
  if (params.length !== template.params.length)
    return err(
      'FailedOperation.TemplateParamSetNotMatchApprovedTemplate',
      `template ${template.id} takes ${template.params.length} parameters (${template.params.join(', ')}), got ${params.length}`,
    )
  const tooLong = (params as string[]).findIndex((p) => chars(p) > account.maxParamChars)
  if (tooLong >= 0)
    return err(
      'InvalidParameterValue.TemplateParameterLengthLimit',
      `template parameter ${tooLong + 1} has ${chars(params[tooLong] as string)} characters (max ${account.maxParamChars})`,
    )
  if ((params as string[]).some((p) => URL_LIKE.test(p)))
    return err(
      'InvalidParameterValue.ProhibitedUseUrlInTemplateParameter',
      'template parameters must not carry URLs',
    )
  const session = b.SessionContext ?? ''
  if (typeof session !== 'string' || Buffer.byteLength(session) >= 512)
    return err('InvalidParameterValue', 'SessionContext must be a string shorter than 512 bytes')
  const domestic = (phones as string[]).filter(isMainlandMobile).length
  const global = (phones as string[]).filter((p) => isE164(p) && !p.startsWith('+86')).length
  if (domestic > 0 && global > 0)
    return err(
      'UnsupportedOperation.ContainDomesticAndInternationalPhoneNumber',
      'one request mixes mainland and international numbers',
    )
  const text = renderSms(signName, template.content, params as string[])
  if (chars(text) > 500)
    return err(
      'InvalidParameterValue.ContentLengthLimit',
      `the text has ${chars(text)} characters (max 500)`,
    )
  return {
    request: {
      phones: phones as string[],
      sdkAppId: account.sdkAppId,
      signName,
      template,
      params: params as string[],
      sessionContext: session,
      text,
    },
  }
}

/** Why one number cannot be texted now, given the times of its earlier successful sends; undefined when it can. */
export function numberViolation(
  phone: string,
  earlierSends: number[],
  now: number,
  limits: SmsAccount['rateLimits'],
): SmsError | undefined {
  if (!isE164(phone))
    return {
      Code: 'InvalidParameterValue.IncorrectPhoneNumber',
      Message: `incorrect phone number ${phone}: use E.164, e.g. +8613800000000`,
    }
  if (!isMainlandMobile(phone))
    return phone.startsWith('+86')
      ? {
          Code: 'InvalidParameterValue.IncorrectPhoneNumber',
          Message: `incorrect phone number ${phone}: a mainland mobile is +86 and 11 digits`,
        }
      : {
          Code: 'UnsupportedOperation.ChineseMainlandTemplateToGlobalPhone',
          Message: 'a mainland template cannot be sent to an international number',
        }
  const dayStart = Math.floor((now + BEIJING) / (24 * HOUR)) * 24 * HOUR - BEIJING
  const since = (t: number): number => earlierSends.filter((s) => s > t && s <= now).length
  if (since(now - 30_000) >= limits.thirtySeconds)
    return {
      Code: 'LimitExceeded.PhoneNumberThirtySecondLimit',
      Message: `the number of sms messages sent from a single mobile number within 30 seconds exceeds the upper limit (${limits.thirtySeconds})`,
    }
  if (since(now - HOUR) >= limits.oneHour)
    return {
      Code: 'LimitExceeded.PhoneNumberOneHourLimit',
      Message: `the number of sms messages sent from a single mobile number within 1 hour exceeds the upper limit (${limits.oneHour})`,
    }
  if (earlierSends.filter((s) => s >= dayStart && s <= now).length >= limits.oneDay)
    return {
      Code: 'LimitExceeded.PhoneNumberDailyLimit',
      Message: `the number of sms messages sent from a single mobile number every day exceeds the upper limit (${limits.oneDay})`,
    }
  return undefined
}
