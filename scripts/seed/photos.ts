// The demo photo as each persona would upload it: under the prefix `user.whoami` hands them, since a
// ticket accepts only photos its caller stored. One copy per persona, stored on first use.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

const DEMO_PHOTO = join(__dirname, 'demo-hazard.jpg')

/** A function giving each OPENID's own stored copy of the demo photo (uploaded once, then reused). */
export function demoPhotoStore(url: string): (openid: string) => Promise<string> {
  const stored = new Map<string, Promise<string>>()
  return (openid) => {
    let fileId = stored.get(openid)
    if (!fileId) {
      fileId = storePhoto(url, openid, 'demo.jpg')
      fileId.catch(() => stored.delete(openid))
      stored.set(openid, fileId)
    }
    return fileId
  }
}

/** Uploads a JPEG (the demo photo unless `bytes` is given) under the OPENID's own prefix; returns its file id. */
export async function storePhoto(
  url: string,
  openid: string,
  name: string,
  bytes: Buffer = readFileSync(DEMO_PHOTO),
): Promise<string> {
  const headers = { 'content-type': 'application/json', 'x-woodpecker-openid': openid }
  const who = await fetch(`${url}/fn/user`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ action: 'whoami', input: {} }),
  })
  const me = (await who.json()) as { ok: boolean; data?: { uploadPrefix: string | null } }
  const prefix = me.data?.uploadPrefix
  if (!prefix) throw new Error(`${openid} has no upload prefix (not a bound staff member)`)
  const res = await fetch(
    `${url}/_emulator/upload?path=${encodeURIComponent(`${prefix}${name}`)}`,
    {
      method: 'POST',
      headers: { ...headers, 'content-type': 'image/jpeg' },
      body: new Uint8Array(bytes),
    },
  )
  if (!res.ok) throw new Error(`storing ${name} for ${openid} failed: ${res.status}`)
  return ((await res.json()) as { fileID: string }).fileID
}
