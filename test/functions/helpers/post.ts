// A small HTTP client for the test harness: node's own http with one keep-alive agent, several
// times cheaper per call than fetch (whose web streams and abort signals dominate a test process that
// sends tens of thousands of calls).
import { Agent, request } from 'node:http'

// Idle sockets are dropped after 30 s, well before the emulator closes them (after a minute).
const agent = new Agent({ keepAlive: true, maxSockets: 16, timeout: 30_000 })

export interface Answer {
  status: number
  text: string
}

/** POSTs `body` to `url` with `headers`, resolving with the status and the body as text. */
export function post(url: string, headers: Record<string, string>, body: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      {
        method: 'POST',
        agent,
        headers: { ...headers, 'content-length': Buffer.byteLength(body) },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (chunk: Buffer) => chunks.push(chunk))
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString('utf8') }),
        )
        res.on('error', reject)
      },
    )
    req.on('error', reject)
    req.end(body)
  })
}

/** POSTs a JSON `body` to the emulator's client gateway for function `fn`, as the app of `openid`. */
export function postToFunction(
  url: string,
  fn: string,
  openid: string,
  body: string,
): Promise<Answer> {
  return post(
    `${url}/fn/${fn}`,
    { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
    body,
  )
}
