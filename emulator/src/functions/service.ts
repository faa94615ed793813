// The functions service: runs built functions with isolated identities, answers
// functions.invokeFunction (cloud.callFunction between functions), the web SDK's signed-in
// POST /v1/functions/:name, and the dev header gateway POST /fn/:name.
import type { IncomingMessage, ServerResponse } from 'node:http'
import { bearerOf } from '../auth/service'
import { invocationTime } from '../clock'
import type { EmulatorCore, InvocationIdentity } from '../core'
import { CloudError } from '../ejson'
import { BodyTooLarge, readBody, sendJson } from '../http-util'
import { eventTextProblem, invalidEnvelope, MAX_EVENT_BYTES } from './event-limits'
import { randomHex } from '../random-hex'
import { FunctionPool, type InvocationResult } from './pool'

export const DEV_APPID = 'wx-woodpecker-local'
/** TCB_SOURCE of a call from the web SDK. */
export const WEB_SOURCE = 'web'
const CONTEXT_KEYS = 'WX_OPENID,WX_APPID,WX_UNIONID,WX_CLIENTIP,WX_API_TOKEN'

export interface Invoker {
  /** Runs `name` as `identity`; the token is valid for the invocation's lifetime only. */
  invoke(
    name: string,
    event: unknown,
    identity: Omit<InvocationIdentity, 'functionName'>,
    extraEnv?: Record<string, string>,
  ): Promise<InvocationResult>
  exists(name: string): boolean
  pool: FunctionPool
}

/** Installs the functions runner, invokeFunction and the /fn gateway; returns the invoker for timers. */
export function installFunctions(core: EmulatorCore): Invoker {
  const pool = new FunctionPool(core.functionsDir, {
    ...core.sdkEnv(),
    WX_CONTEXT_KEYS: CONTEXT_KEYS,
  })
  const live = new Map<string, InvocationIdentity>()
  core.registerCallerResolver((token) => live.get(token))
  core.onStop(() => pool.close())
  // Warm workers outlive a restore; what they are still running must land before it.
  core.keepState('functions', {
    capture: () => null,
    restore: () => undefined,
    settle: () => pool.idle(),
  })

  const invoker: Invoker = {
    pool,
    exists: (name) => pool.exists(name),
    async invoke(name, event, identity, extraEnv = {}) {
      const token = `emu-${randomHex()}`
      live.set(token, { ...identity, functionName: name })
      const env: Record<string, string> = {
        ...core.functionEnv(),
        WX_OPENID: identity.openid,
        WX_APPID: identity.appid,
        WX_UNIONID: identity.unionid ?? '',
        WX_CLIENTIP: '127.0.0.1',
        WX_API_TOKEN: token,
        TCB_SOURCE: identity.source,
        ...extraEnv,
      }
      const context = {
        function_name: name,
        request_id: randomHex().slice(0, 16),
        namespace: core.envId,
        memory_limit_in_mb: 256,
        time_limit_in_ms: pool.config(name).timeout * 1000,
      }
      try {
        return await pool.invoke(name, event, context, env, invocationTime(core.clock))
      } finally {
        live.delete(token)
      }
    },
  }

  core.registerAction('functions.invokeFunction', async ({ body, caller }) => {
    const name = String(body.function_name ?? '')
    if (!invoker.exists(name))
      throw new CloudError(
        'FUNCTIONS_NOT_FOUND',
        `FunctionName parameter could not be found: ${name}`,
      )
    let event: unknown = {}
    if (typeof body.request_data === 'string' && body.request_data) {
      const problem = eventTextProblem(body.request_data)
      if (problem) return { data: { response_data: JSON.stringify(invalidEnvelope(problem)) } }
      try {
        event = JSON.parse(body.request_data)
      } catch {
        throw new CloudError('INVALID_PARAM', 'request_data is not valid JSON')
      }
    }
    const result = await invoker.invoke(name, event, {
      openid: caller?.openid ?? '',
      appid: caller?.appid ?? DEV_APPID,
      unionid: caller?.unionid,
      source: caller ? 'wx_client,scf' : 'scf',
    })
    if (!result.ok) {
      throw new CloudError(
        result.timedOut ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : 'FUNCTIONS_EXECUTE_FAIL',
        `errCode: -1 | errMsg: ${result.error}`,
      )
    }
    return { data: { response_data: result.result ?? 'null' } }
  })

  /** Reads a client's event, runs the function as `identity` and answers its result. */
  const serveClientCall = async (
    req: IncomingMessage,
    res: ServerResponse,
    name: string,
    identity: Omit<InvocationIdentity, 'functionName'>,
    extraEnv: Record<string, string> = {},
  ): Promise<void> => {
    if (!invoker.exists(name)) {
      sendJson(res, 404, {
        code: 'FUNCTIONS_NOT_FOUND',
        message: `云函数 ${name} 不存在或尚未构建`,
      })
      return
    }
    // Size and depth are checked on the text, before parsing and before any worker is involved.
    let raw: string
    try {
      raw = (await readBody(req, MAX_EVENT_BYTES)).toString('utf8')
    } catch (error) {
      if (!(error instanceof BodyTooLarge)) throw error
      sendJson(res, 200, invalidEnvelope(`请求体超过 ${MAX_EVENT_BYTES / 1024} KB`))
      req.resume()
      return
    }
    const problem = eventTextProblem(raw)
    if (problem) {
      sendJson(res, 200, invalidEnvelope(problem))
      return
    }
    let event: unknown
    try {
      event = raw ? JSON.parse(raw) : {}
    } catch {
      sendJson(res, 200, invalidEnvelope('请求体不是有效的 JSON'))
      return
    }
    // A mini-program's callFunction carries userInfo, added by the platform, as production does.
    if (
      identity.source === 'wx_client' &&
      event &&
      typeof event === 'object' &&
      !Array.isArray(event)
    ) {
      ;(event as Record<string, unknown>).userInfo = {
        appId: identity.appid,
        openId: identity.openid,
      }
    }
    const result = await invoker.invoke(name, event, identity, extraEnv)
    if (!result.ok) {
      core.log(`[emulator] function ${name} failed: ${result.error}`)
      sendJson(res, result.timedOut ? 504 : 502, {
        code: result.timedOut ? 'FUNCTIONS_TIME_LIMIT_EXCEEDED' : 'FUNCTIONS_EXECUTE_FAIL',
        message: result.timedOut ? '云函数执行超时' : '云函数执行出错',
      })
      return
    }
    const text = result.result ?? 'null'
    res.writeHead(200, {
      'content-type': 'application/json; charset=utf-8',
      'content-length': Buffer.byteLength(text),
    })
    res.end(text)
  }

  // The dev convenience: any persona by header, only on a dev server on loopback.
  core.registerRoute('POST', '/fn/', async (req, res, url) => {
    if (!core.devGateway) {
      req.resume()
      sendJson(res, 403, {
        code: 'DEV_GATEWAY_OFF',
        message: '开发网关已关闭：请在网页端扫码登录后再调用',
      })
      return
    }
    const name = decodeURIComponent(url.pathname.slice('/fn/'.length))
    await serveClientCall(req, res, name, {
      openid: personaOf(req.headers),
      appid: DEV_APPID,
      source: 'wx_client',
    })
  })

  // The web SDK's callFunction (GATEWAY mode): `POST /v1/functions/:name` with the signed-in
  // browser's access token; the function sees its CloudBase user, never an OPENID.
  core.registerRoute('POST', '/v1/functions/', async (req, res, url) => {
    const who = core.webAuth.identityOf(bearerOf(req))
    if (!who) {
      req.resume()
      sendJson(res, 401, { code: 'INVALID_ACCESS_TOKEN', message: '登录已失效，请重新登录' })
      return
    }
    const name = decodeURIComponent(url.pathname.slice('/v1/functions/'.length))
    await serveClientCall(
      req,
      res,
      name,
      { openid: '', appid: '', source: WEB_SOURCE },
      {
        TCB_UUID: who.uuid,
        TCB_CUSTOM_USER_ID: who.customUserId,
        TCB_ISANONYMOUS_USER: String(who.anonymous),
      },
    )
  })

  return invoker
}

/** The dev persona's OPENID from `X-Woodpecker-Openid` or `Authorization: Bearer`. */
export function personaOf(headers: Record<string, string | string[] | undefined>): string {
  const direct = headers['x-woodpecker-openid']
  if (typeof direct === 'string' && direct) return direct
  const auth = headers.authorization
  if (typeof auth === 'string' && auth.startsWith('Bearer ')) return auth.slice(7).trim()
  return ''
}
