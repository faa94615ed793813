// What every action handler receives besides its parsed input.
import * as cloud from 'wx-server-sdk'
import { installChineseZodMessages } from '../../../types'

export type CloudSdk = typeof cloud
export type Database = ReturnType<typeof cloud.database>

/** The caller and the tools of one invocation. Identity comes only from the platform, never the input. */
export interface ActionContext {
  /** The caller's OPENID from getWXContext(); empty for timers. */
  openid: string
  appid: string
  /** `wx_client`, `wx_client,scf` (another function), `wx_http` … as the platform reports it. */
  source: string
  requestId?: string
  db: Database
  cloud: CloudSdk
  now(): Date
}

let initialised = false

/** Initialises the SDK once per process and builds the context of this invocation. */
export function createContext(requestId: string | undefined): ActionContext {
  if (!initialised) {
    cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string })
    installChineseZodMessages()
    initialised = true
  }
  const wx = cloud.getWXContext() as unknown as Record<string, unknown>
  return {
    openid: String(wx.OPENID ?? ''),
    appid: String(wx.APPID ?? ''),
    source: String(wx.SOURCE ?? ''),
    requestId,
    db: cloud.database(),
    cloud,
    now: () => new Date(),
  }
}

/** True when the call came from another cloud function or a timer, not straight from a client. */
export function isInternalCall(ctx: ActionContext): boolean {
  return ctx.source.split(',').includes('scf') || ctx.openid === ''
}
