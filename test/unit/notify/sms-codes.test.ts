// Provider codes read as Chinese reasons, and a limited number is retried when its limit frees.
import {
  smsReason,
  smsRetryAt,
  smsRetryable,
} from '../../../cloudfunctions/_shared/notify/domain/sms-codes'

const T = new Date('2026-11-24T10:00:00+08:00')
const ago = (s: number) => new Date(T.getTime() - s * 1000)

describe('SMS provider codes', () => {
  it.each([
    ['LimitExceeded.PhoneNumberThirtySecondLimit', '同一号码 30 秒内只能收 1 条短信', true],
    ['LimitExceeded.PhoneNumberOneHourLimit', '同一号码 1 小时内的短信已达上限', true],
    ['LimitExceeded.PhoneNumberDailyLimit', '同一号码今天的短信已达上限', true],
    ['InvalidParameterValue.IncorrectPhoneNumber', '手机号格式不正确', false],
    ['FailedOperation.TemplateUnapprovedOrNotExist', '短信模板未通过审核或不存在', false],
    ['AuthFailure.SignatureFailure', '短信服务鉴权失败', false],
    ['InternalError.Timeout', '短信服务暂时不可用', true],
    ['Network', '短信服务连接失败', true],
    ['NoPhone', '没有可用的手机号', false],
    ['Something.NobodyMapped', '短信发送失败', false],
  ])('%s reads “%s” (retry: %s)', (code, reason, retry) => {
    expect(smsReason(code)).toBe(reason)
    expect(smsReason(code)).not.toMatch(/[A-Za-z]/)
    expect(smsRetryable(code)).toBe(retry)
  })

  it.each([
    ['30 s after the last text', 'LimitExceeded.PhoneNumberThirtySecondLimit', [ago(10)], 20],
    ['30 s from now when no text is known', 'LimitExceeded.PhoneNumberThirtySecondLimit', [], 30],
    [
      'an hour after the oldest text of the hour',
      'LimitExceeded.PhoneNumberOneHourLimit',
      [ago(3000), ago(1200), ago(4000)],
      600,
    ],
    ['a minute for the provider’s trouble', 'InternalError', [ago(5)], 60],
  ])('retries %s', (_name, code, sent, seconds) => {
    expect(smsRetryAt(code, T, sent).getTime() - T.getTime()).toBe(seconds * 1000)
  })

  it('retries the daily limit at the next Beijing midnight', () => {
    expect(smsRetryAt('LimitExceeded.PhoneNumberDailyLimit', T, []).toISOString()).toBe(
      new Date('2026-11-25T00:00:00+08:00').toISOString(),
    )
  })
})
