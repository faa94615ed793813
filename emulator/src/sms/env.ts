// The function environment that points Tencent Cloud SMS at this emulator's stand-in.
import { resolve } from 'node:path'
import { loadSmsAccount } from './account'

/**
 * SMS_* variables for functions: the registered app, signature, the one-hazard (first) and batch
 * (second) templates, local secrets, the stand-in's endpoint.
 */
export function smsFunctionEnv(
  emulatorUrl: string,
  databaseDir = resolve(__dirname, '..', '..', '..', 'database'),
): Record<string, string> {
  const account = loadSmsAccount(databaseDir)
  return {
    SMS_SDK_APP_ID: account?.sdkAppId ?? '1400000000',
    SMS_SIGN_NAME: account?.signNames[0] ?? '啄木鸟',
    SMS_TEMPLATE_ID: account?.templates[0]?.id ?? '100001',
    ...(account?.templates[1] ? { SMS_BATCH_TEMPLATE_ID: account.templates[1].id } : {}),
    SMS_SECRET_ID: 'local',
    SMS_SECRET_KEY: 'local',
    SMS_ENDPOINT: `${emulatorUrl}/_emulator/sms`,
  }
}
