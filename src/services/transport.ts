// Moves one call to a cloud function and back: Taro.cloud.callFunction on weapp, the emulator's
// /fn/:name gateway on H5. Everything above this file is the same on both.
import Taro from '@tarojs/taro'
import { isErrorCode, type CallRequest, type Envelope } from '../../types'
import { ApiError } from './api-error'
import { apiBase, currentPersona } from './persona'

/** Sends a request to a function and returns its envelope; network failures become ApiError('network'). */
export async function send(fn: string, request: CallRequest): Promise<Envelope<unknown>> {
  let result: unknown
  if (process.env.TARO_ENV === 'h5') {
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
