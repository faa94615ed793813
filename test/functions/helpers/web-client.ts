// A browser through the web SDK, on the wire as @cloudbase/js-sdk speaks it: OAuth sign-in under
// /auth/v1 (anonymously, or with a custom-login ticket) and callFunction as POST /v1/functions/:name
// with the access token.
import type { Envelope } from '../../../types'

export interface WebClient {
  /** Signs in anonymously (what a PC does before it has a ticket). */
  signInAnonymously(): Promise<void>
  /** Signs in with a custom-login ticket; the HTTP status and body when refused. */
  signInWithTicket(ticket: string): Promise<{ ok: boolean; status: number; body: unknown }>
  /** Trades the refresh token for a new access token, as the SDK does when one runs out; false when refused. */
  refresh(): Promise<boolean>
  /** Signs out as the SDK's signOut does: revokes the access token named in the body. */
  signOut(): Promise<void>
  /** Calls a function action with the current access token. */
  call<T = unknown>(fn: string, action: string, input?: unknown): Promise<Envelope<T>>
  /** The raw HTTP status of a call (401 when the gateway refuses the token). */
  status(fn: string, action: string, input?: unknown): Promise<number>
}

/** A web client of the emulator at `url`. */
export function webClient(url: string): WebClient {
  let accessToken = ''
  let refreshToken = ''
  const keep = (body: { access_token?: string; refresh_token?: string }) => {
    accessToken = body.access_token ?? ''
    refreshToken = body.refresh_token ?? ''
  }
  const post = (path: string, body: unknown, token = accessToken) =>
    fetch(`${url}${path}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify(body),
    })
  return {
    async signInAnonymously() {
      const res = await post('/auth/v1/signin/anonymously', {}, '')
      keep((await res.json()) as { access_token: string })
    },
    async signInWithTicket(ticket) {
      const res = await post('/auth/v1/signin/custom', { provider_id: 'custom', ticket }, '')
      const body = (await res.json()) as { access_token?: string }
      if (res.ok) keep(body)
      return { ok: res.ok, status: res.status, body }
    },
    async refresh() {
      const res = await post('/auth/v1/token', {
        grant_type: 'refresh_token',
        refresh_token: refreshToken,
      })
      const body = (await res.json()) as { access_token?: string }
      if (res.ok) keep(body)
      return res.ok
    },
    async signOut() {
      const res = await post('/auth/v1/revoke', { token: accessToken })
      await res.arrayBuffer()
    },
    async call<T>(fn: string, action: string, input: unknown = {}) {
      const res = await post(`/v1/functions/${fn}`, { action, input })
      const text = await res.text()
      try {
        return JSON.parse(text) as Envelope<T>
      } catch {
        throw new Error(`web gateway answered ${res.status} with non-JSON: ${text.slice(0, 200)}`)
      }
    },
    async status(fn, action, input = {}) {
      const res = await post(`/v1/functions/${fn}`, { action, input })
      await res.arrayBuffer()
      return res.status
    },
  }
}
