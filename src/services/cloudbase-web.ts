// The H5 app's one door to CloudBase's web SDK: sign-in (anonymous, then a custom-login ticket),
// sign-out and function calls. Loaded only by H5 code paths, never part of the weapp.
import cloudbase from '@cloudbase/js-sdk'
import { errorMessageZh, type CallRequest } from '../../types'
import type { WebSdkTarget } from './web-mode'

type App = ReturnType<typeof cloudbase.init>
type Auth = ReturnType<App['auth']>

let started: { app: App; auth: Auth } | null = null

/** The gateway's refusal of an access token it no longer accepts (its sign-in ran out). */
const TOKEN_REFUSED = 'INVALID_ACCESS_TOKEN'
const SESSION_ENDED = {
  ok: false,
  code: 'auth.session_ended',
  message: errorMessageZh('auth.session_ended'),
} as const

function sdk(target: WebSdkTarget): { app: App; auth: Auth } {
  if (started) return started
  // GATEWAY: functions are called as POST /v1/functions/<name> with the sign-in's access token.
  const app = cloudbase.init({ env: target.env, endPointMode: 'GATEWAY' })
  if (target.host) app.registerHost(target.host, location.protocol === 'https:' ? 'https' : 'http')
  started = { app, auth: app.auth({ persistence: 'local' }) }
  return started
}

/** Makes sure the browser holds some sign-in: a PC without one signs in anonymously (to ask for a code). */
export async function ensureVisitor(target: WebSdkTarget): Promise<void> {
  const { auth } = sdk(target)
  if (!(await auth.getLoginState())) await auth.signInAnonymously({})
}

/** Signs the browser in with a custom-login ticket from `signin.poll`. */
export async function signInWithTicket(target: WebSdkTarget, ticket: string): Promise<void> {
  await sdk(target).auth.signInWithCustomTicket(() => Promise.resolve(ticket))
}

/** Signs the browser out (its tokens are revoked and forgotten). */
export async function signOutWeb(target: WebSdkTarget): Promise<void> {
  await sdk(target).auth.signOut()
}

/**
 * Calls a function through the web SDK and returns what it answered. The SDK hands an answer that
 * carries a `code` (our error envelopes) back as the response itself rather than as `result`; a
 * refused access token answers as an ended session.
 */
export async function callThroughWebSdk(
  target: WebSdkTarget,
  fn: string,
  request: CallRequest,
): Promise<unknown> {
  await ensureVisitor(target)
  let res: { result?: unknown; code?: unknown; requestId?: unknown }
  try {
    res = (await sdk(target).app.callFunction({
      name: fn,
      data: request as unknown as Record<string, unknown>,
    })) as typeof res
  } catch (error) {
    const text = error instanceof Error ? error.message : JSON.stringify(error)
    if (text?.includes(TOKEN_REFUSED)) return SESSION_ENDED
    throw error
  }
  if (res.code === TOKEN_REFUSED) return SESSION_ENDED
  if (res.result !== undefined) return res.result
  const { requestId: _requestId, ...answer } = res
  return answer
}
