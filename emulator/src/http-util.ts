// Small HTTP helpers: read a body, answer JSON, parse multipart as bytes.
import type { IncomingMessage, ServerResponse } from 'node:http'

const MAX_BODY = 64 * 1024 * 1024

/** A body over the size limit; thrown before the rest of it is read. */
export class BodyTooLarge extends Error {}

/** Reads a whole request body, refusing more than `max` bytes. */
export async function readBody(req: IncomingMessage, max = MAX_BODY): Promise<Buffer> {
  const declared = Number(req.headers['content-length'])
  if (declared > max) throw new BodyTooLarge(`request body over ${max} bytes`)
  const chunks: Buffer[] = []
  let size = 0
  for await (const chunk of req) {
    size += (chunk as Buffer).length
    if (size > max) throw new BodyTooLarge(`request body over ${max} bytes`)
    chunks.push(chunk as Buffer)
  }
  return Buffer.concat(chunks)
}

/** Answers with a JSON body. */
export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body)
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'content-length': Buffer.byteLength(text),
  })
  res.end(text)
}

export interface Part {
  name: string
  filename?: string
  contentType?: string
  data: Buffer
}

/** Parses a multipart/form-data body without decoding binary parts. */
export function parseMultipart(body: Buffer, contentType: string): Part[] {
  const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType)
  if (!match) throw new Error('multipart body without boundary')
  const boundary = Buffer.from(`--${match[1] ?? match[2]}`)
  const parts: Part[] = []
  let pos = body.indexOf(boundary)
  if (pos < 0) throw new Error('multipart boundary not found')
  for (;;) {
    pos += boundary.length
    if (body.subarray(pos, pos + 2).toString() === '--') break
    pos += 2 // CRLF after the boundary
    const headerEnd = body.indexOf('\r\n\r\n', pos)
    if (headerEnd < 0) throw new Error('multipart part without headers')
    const headers = body.subarray(pos, headerEnd).toString('utf8')
    const next = body.indexOf(boundary, headerEnd + 4)
    if (next < 0) throw new Error('multipart part without closing boundary')
    const data = body.subarray(headerEnd + 4, next - 2)
    const disposition = /content-disposition:[^\r\n]*/i.exec(headers)?.[0] ?? ''
    const name = /name="([^"]*)"/i.exec(disposition)?.[1]
    if (name === undefined) throw new Error('multipart part without a name')
    parts.push({
      name,
      filename: /filename="([^"]*)"/i.exec(disposition)?.[1],
      contentType: /content-type:\s*([^\r\n]+)/i.exec(headers)?.[1],
      data,
    })
    pos = next
  }
  return parts
}
