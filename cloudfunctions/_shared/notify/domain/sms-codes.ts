// Tencent Cloud SMS answers in words people read: each provider code (kept for logs) maps to a
// Chinese reason, and a per-number limit says when that number can be texted again.
import { hospitalTime } from '../../../../types/time'

const SECOND = 1000
const HOUR = 3600 * SECOND

/** Why a text failed, in Chinese, for a provider code (SendStatusSet Code or Error.Code). */
const REASONS: Array<[RegExp, string]> = [
  [/^LimitExceeded\.PhoneNumberThirtySecondLimit$/, '同一号码 30 秒内只能收 1 条短信'],
  [/^LimitExceeded\.PhoneNumberOneHourLimit$/, '同一号码 1 小时内的短信已达上限'],
  [/^LimitExceeded\.PhoneNumberDailyLimit$/, '同一号码今天的短信已达上限'],
  [/^LimitExceeded\.PhoneNumberSameContentDailyLimit$/, '同一号码今天已收到过相同内容的短信'],
  [/^LimitExceeded\.DeliveryFrequencyLimit$/, '短信发送过于频繁'],
  [/^InvalidParameterValue\.IncorrectPhoneNumber$/, '手机号格式不正确'],
  [/^UnsupportedOperation\.ChineseMainlandTemplateToGlobalPhone$/, '不支持向境外手机号发送'],
  [/^FailedOperation\.PhoneNumberInBlacklist$/, '该号码已退订短信'],
  [/^FailedOperation\.SignatureIncorrectOrUnapproved$/, '短信签名未通过审核'],
  [/^FailedOperation\.TemplateUnapprovedOrNotExist$/, '短信模板未通过审核或不存在'],
  [/^FailedOperation\.TemplateParamSetNotMatchApprovedTemplate$/, '短信内容与审核通过的模板不符'],
  [/^InvalidParameterValue\.TemplateParameter/, '短信变量不符合模板要求'],
  [/^InvalidParameterValue\.ProhibitedUseUrlInTemplateParameter$/, '短信变量中不能含网址'],
  [/^FailedOperation\.ContainSensitiveWord$/, '短信内容含敏感词'],
  [/^FailedOperation\.InsufficientBalanceInSmsPackage$/, '短信套餐余额不足'],
  [/^InvalidParameterValue\.SdkAppIdNotExist$/, '短信应用不存在'],
  [/^AuthFailure/, '短信服务鉴权失败'],
  [
    /^(RequestLimitExceeded|InternalError|FailedOperation\.(JsonParseFail|FailResolvePacket))/,
    '短信服务暂时不可用',
  ],
  [/^Network$/, '短信服务连接失败'],
  [/^NoPhone$/, '没有可用的手机号'],
]

/** The Chinese reason for a provider code; an unknown code still reads as Chinese. */
export function smsReason(code: string): string {
  return REASONS.find(([re]) => re.test(code))?.[1] ?? '短信发送失败'
}

/** Whether a failure is worth trying again later (limits and the provider's own trouble). */
export function smsRetryable(code: string): boolean {
  return /^(LimitExceeded\.(PhoneNumber(ThirtySecond|OneHour|Daily)Limit|DeliveryFrequencyLimit)|RequestLimitExceeded|InternalError|Network$)/.test(
    code,
  )
}

/**
 * When a number refused for `code` can be texted again: 30 s after its last text, an hour after the
 * oldest text of the last hour, the next Beijing midnight for the daily limit, a minute for the
 * provider's own trouble. `sentAt` are this number's recent successful texts (any order).
 */
export function smsRetryAt(code: string, now: Date, sentAt: readonly Date[]): Date {
  const t = now.getTime()
  const times = sentAt.map((d) => new Date(d).getTime()).filter((x) => x <= t)
  const at = (ms: number) => new Date(Math.max(ms, t + SECOND))
  const within = (ms: number) => times.filter((x) => x > t - ms)
  if (code === 'LimitExceeded.PhoneNumberThirtySecondLimit') {
    const recent = within(30 * SECOND)
    return at((recent.length ? Math.max(...recent) : t) + 30 * SECOND)
  }
  if (code === 'LimitExceeded.PhoneNumberOneHourLimit') {
    const recent = within(HOUR)
    return at((recent.length ? Math.min(...recent) : t) + HOUR)
  }
  if (code === 'LimitExceeded.PhoneNumberDailyLimit')
    return hospitalTime(now).add(1, 'day').startOf('day').toDate()
  return at(t + 60 * SECOND)
}
