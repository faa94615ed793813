// A PC's browser on the web SDK's wire (anonymous sign-in, then POST /v1/functions/:name with its
// access token), for the weapp tests where a phone confirms what a PC asked for.
import { request } from 'node:http'
import type { Envelope } from '../../../types'

function postJson(path: string, body: unknown, token = ''): Promise<unknown> {
  return new Promise((ok, fail) => {
    const req = request(
      `${process.env.WOODPECKER_EMULATOR_URL}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          ...(token ? { authorization: `Bearer ${token}` } : {}),
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      },
    )
    req.on('error', fail)
    req.end(JSON.stringify(body))
  })
}

/** A PC signed in anonymously: it calls functions as a visitor (to ask for a sign-in code). */
export async function anonymousPc(): Promise<{
  call<T>(fn: string, action: string, input: unknown): Promise<Envelope<T>>
}> {
  const { access_token: token } = (await postJson('/auth/v1/signin/anonymously', {})) as {
    access_token: string
  }
  return {
    call: async <T>(fn: string, action: string, input: unknown) =>
      (await postJson(`/v1/functions/${fn}`, { action, input }, token)) as Envelope<T>,
  }
}
