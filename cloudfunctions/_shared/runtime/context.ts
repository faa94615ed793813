// What every action handler receives besides its parsed input.
import * as cloud from 'wx-server-sdk'
import { installChineseZodMessages } from '../../../types/zod-zh'

export type CloudSdk = typeof cloud
export type Database = ReturnType<typeof cloud.database>

/** The caller and the tools of one invocation. Identity comes only from the platform, never the input. */
export interface ActionContext {
  /** The caller's OPENID from getWXContext(); empty for timers and platform callbacks. */
  openid: string
  /**
   * The custom-login uid of a web-SDK caller (a PC signed in by scanning), from the platform's
   * TCB_CUSTOM_USER_ID; empty for mini-program callers, timers and platform callbacks.
   */
  customUserId: string
  appid: string
  /** The environment this function runs in (getWXContext().ENV); stored files carry it in their id. */
  env: string
  /** `wx_client`, `wx_client,scf` (another function), `wx_trigger` (timer) … as the platform reports it. */
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
    customUserId: wx.OPENID ? '' : (process.env.TCB_CUSTOM_USER_ID ?? ''),
    appid: String(wx.APPID ?? ''),
    env: String(wx.ENV ?? ''),
    source: String(wx.SOURCE ?? ''),
    requestId,
    db: cloud.database(),
    cloud,
    now: () => new Date(),
  }
}

/** The platform's identity of the calling client: its OPENID, or its custom-login uid marked as such. */
export function callerKey(ctx: Pick<ActionContext, 'openid' | 'customUserId'>): string {
  return ctx.openid || (ctx.customUserId ? `uid:${ctx.customUserId}` : '')
}

/**
 * Who is asking, for limits on how often: the caller's key, or for a browser signed in only
 * anonymously through the web SDK its anonymous uuid (TCB_UUID, which the platform sets for web calls).
 */
export function visitorKey(ctx: Pick<ActionContext, 'openid' | 'customUserId'>): string {
  const caller = callerKey(ctx)
  if (caller) return caller
  return process.env.TCB_UUID ? `uuid:${process.env.TCB_UUID}` : ''
}

// SOURCE is set by the platform and grows along the call chain ("wx_client", then "wx_client,scf"
// in a function the first one called); a client cannot add links to it. Timer triggers start the
// chain with "wx_trigger". An empty OPENID proves nothing: it is never a sign of an internal call.
const CLIENT_SOURCES = new Set([
  'wx_client',
  'wx_devtools',
  'wx_localdebug',
  'wx_unknown',
  'wx_crawler',
  'wx_http',
  // a browser through the web SDK
  'web',
  '',
])

function sourceChain(ctx: ActionContext): string[] {
  return ctx.source.split(',').map((s) => s.trim())
}

/** True when the platform says another cloud function or a timer trigger made this call. */
export function isInternalCall(ctx: ActionContext): boolean {
  const chain = sourceChain(ctx)
  return chain.includes('scf') || chain[0] === 'wx_trigger'
}

/** True when the platform itself invoked the function (a message-push callback), not a client or function. */
export function isPlatformCallback(ctx: ActionContext): boolean {
  const chain = sourceChain(ctx)
  return (
    chain.length === 1 &&
    !CLIENT_SOURCES.has(chain[0]) &&
    chain[0] !== 'wx_trigger' &&
    chain[0] !== 'scf'
  )
}
