// The web SDK's sign-in endpoints (`/auth/v1/...`, OAuth shaped) over the emulator's WebAuth.
import type { IncomingMessage, ServerResponse } from 'node:http'
import type { EmulatorService } from '../core'
import { readBody, sendJson } from '../http-util'
import { OAuthError, type WebCredentials } from './web-auth'

/** The bearer token of a request, or ''. */
export function bearerOf(req: IncomingMessage): string {
  const auth = req.headers.authorization
  return typeof auth === 'string' && auth.startsWith('Bearer ') ? auth.slice(7).trim() : ''
}

async function jsonBody(req: IncomingMessage): Promise<Record<string, unknown>> {
  const raw = (await readBody(req, 64 * 1024)).toString('utf8')
  if (!raw) return {}
  const body = JSON.parse(raw) as unknown
  if (!body || typeof body !== 'object' || Array.isArray(body))
    throw new OAuthError('invalid_request', 'body must be a JSON object')
  return body as Record<string, unknown>
}

function answer(res: ServerResponse, make: () => WebCredentials | Record<string, unknown>): void {
  try {
    sendJson(res, 200, make())
  } catch (error) {
    if (!(error instanceof OAuthError)) throw error
    sendJson(res, error.error === 'unauthenticated' ? 401 : 400, {
      error: error.error,
      error_description: error.description,
    })
  }
}

/** POST /auth/v1/signin/anonymously, /auth/v1/signin/custom, /auth/v1/token, /auth/v1/user/signout, /auth/v1/revoke; GET /auth/v1/user/me. */
export const webAuthService: EmulatorService = (core) => {
  const auth = core.webAuth
  core.keepState('web-auth', { capture: () => auth.capture(), restore: (s) => auth.restore(s) })
  core.registerRoute('POST', '/auth/v1/signin/anonymously', (_req, res) =>
    answer(res, () => auth.signInAnonymously()),
  )
  core.registerRoute('POST', '/auth/v1/signin/custom', async (req, res) => {
    let body: Record<string, unknown> = {}
    try {
      body = await jsonBody(req)
    } catch {
      // an unreadable body is a missing ticket
    }
    answer(res, () => {
      if (typeof body.ticket !== 'string')
        throw new OAuthError('invalid_request', 'ticket is required')
      return auth.signInWithTicket(body.ticket)
    })
  })
  core.registerRoute('POST', '/auth/v1/token', async (req, res) => {
    let body: Record<string, unknown> = {}
    try {
      body = await jsonBody(req)
    } catch {
      // an unreadable body is a missing refresh token
    }
    answer(res, () => auth.refreshWith(String(body.refresh_token ?? '')))
  })
  core.registerRoute('POST', '/auth/v1/user/signout', (req, res) => {
    auth.revoke(bearerOf(req))
    sendJson(res, 200, {})
  })
  // The SDK's signOut revokes its access token by naming it in the body.
  core.registerRoute('POST', '/auth/v1/revoke', async (req, res) => {
    let body: Record<string, unknown> = {}
    try {
      body = await jsonBody(req)
    } catch {
      // an unreadable body names no token
    }
    auth.revoke(typeof body.token === 'string' ? body.token : bearerOf(req))
    sendJson(res, 200, {})
  })
  core.registerRoute('GET', '/auth/v1/user/me', (req, res) =>
    answer(res, () => {
      const who = auth.identityOf(bearerOf(req))
      if (!who) throw new OAuthError('unauthenticated', 'access token is invalid or expired')
      return { sub: who.uuid, name: who.customUserId || 'anonymous', user_id: who.customUserId }
    }),
  )
}
