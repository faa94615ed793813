// The Tencent Cloud SMS account as data (database/sms.json): the application's SdkAppId, approved
// signatures and body templates, the variable length the console allows and the per-number limits.
import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'

export interface SmsTemplate {
  id: string
  name: string
  /** Body with {1}, {2}… placeholders; the signature is prepended as 【SignName】. */
  content: string
  /** What each placeholder means, in order (their count is the template's parameter count). */
  params: string[]
}

export interface SmsAccount {
  sdkAppId: string
  signNames: string[]
  /** Characters allowed per template variable (shown in the console; see emulator/README.md). */
  maxParamChars: number
  /** Successful sends allowed per phone number: 30 seconds, one hour, one natural day (Beijing). */
  rateLimits: { thirtySeconds: number; oneHour: number; oneDay: number }
  templates: SmsTemplate[]
}

/** Reads `<databaseDir>/sms.json`, or undefined when the project registers no SMS account. */
export function loadSmsAccount(databaseDir: string): SmsAccount | undefined {
  const path = join(databaseDir, 'sms.json')
  if (!existsSync(path)) return undefined
  const raw = JSON.parse(readFileSync(path, 'utf8')) as Partial<SmsAccount>
  return {
    sdkAppId: String(raw.sdkAppId ?? ''),
    signNames: raw.signNames ?? [],
    maxParamChars: raw.maxParamChars ?? 12,
    rateLimits: { thirtySeconds: 1, oneHour: 5, oneDay: 10, ...raw.rateLimits },
    templates: raw.templates ?? [],
  }
}
