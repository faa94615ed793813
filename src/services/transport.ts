// Moves one call to a cloud function and back: Taro.cloud.callFunction on weapp; on H5 the web SDK
// when deployed, else the emulator's /fn/:name gateway. Everything above this file is the same on all.
import Taro from '@tarojs/taro'
import { isErrorCode } from '../../types/errors'
import type { CallRequest, Envelope } from '../../types/envelope'
import { ApiError } from './api-error'
import { apiBase, currentPersona } from './persona'
import { goToSignIn, pcSignedInName } from './pc-route'
import { webSdkTarget, type WebSdkTarget } from './web-mode'

/** A call through the web SDK; a PC whose session ended, or that never signed in, goes to sign in. */
async function sendThroughWebSdk(
  target: WebSdkTarget,
  fn: string,
  request: CallRequest,
): Promise<unknown> {
  // The SDK is imported only in the H5 build: the weapp's bundle never holds it.
  const web = process.env.TARO_ENV === 'h5' ? await import('./cloudbase-web') : null
  if (!web) throw new ApiError('internal')
  let result: unknown
  try {
    result = await web.callThroughWebSdk(target, fn, request)
  } catch {
    throw new ApiError('network')
  }
  const code = (result as { code?: unknown } | null)?.code
  if (code === 'auth.session_ended') {
    // The ended sign-in is dropped, so the sign-in page starts from a fresh anonymous one.
    await web.signOutWeb(target).catch(() => undefined)
    goToSignIn(true)
  } else if (code === 'auth.unknown_user' && !pcSignedInName()) goToSignIn()
  return result
}

/** Sends a request to a function and returns its envelope; network failures become ApiError('network'). */
export async function send(fn: string, request: CallRequest): Promise<Envelope<unknown>> {
  let result: unknown
  const web = webSdkTarget()
  if (process.env.TARO_ENV === 'h5' && web) {
    result = await sendThroughWebSdk(web, fn, request)
  } else if (process.env.TARO_ENV === 'h5') {
    let res: Response
    try {
      res = await fetch(`${apiBase()}/fn/${fn}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': currentPersona() },
        body: JSON.stringify(request),
      })
    } catch {
      throw new ApiError('network')
    }
    if (!res.ok) throw new ApiError(res.status >= 500 ? 'internal' : 'network')
    result = await res.json()
  } else {
    try {
      const res = await Taro.cloud.callFunction({
        name: fn,
        data: request as unknown as Record<string, unknown>,
      })
      result = res.result
    } catch {
      throw new ApiError('network')
    }
  }
  if (
    !result ||
    typeof result !== 'object' ||
    typeof (result as { ok?: unknown }).ok !== 'boolean'
  ) {
    throw new ApiError('internal')
  }
  const envelope = result as Envelope<unknown>
  if (!envelope.ok && !isErrorCode(envelope.code))
    return { ok: false, code: 'internal', message: envelope.message }
  return envelope
}
