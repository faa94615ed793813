// The demo photo as each persona would upload it: in an upload slot `media.uploadSlots` hands them,
// since a ticket accepts only photos its caller stored there. One copy per persona, on first use.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'

/** The demo hazard photo, stored for the demo history, the campaign and tests. */
export const DEMO_PHOTO = join(__dirname, 'demo-hazard.jpg')

/** `make` memoised per key: one promise per key, forgotten again if it fails. */
export function oncePerKey<T>(make: (key: string) => Promise<T>): (key: string) => Promise<T> {
  const made = new Map<string, Promise<T>>()
  return (key) => {
    let value = made.get(key)
    if (!value) {
      value = make(key)
      value.catch(() => made.delete(key))
      made.set(key, value)
    }
    return value
  }
}

/** A function giving each OPENID's own stored copy of the demo photo (uploaded once, then reused). */
export function demoPhotoStore(url: string): (openid: string) => Promise<string> {
  return oncePerKey((openid) => storePhoto(url, openid, 'demo.jpg'))
}

/** Uploads a JPEG (the demo photo unless `bytes` is given) into a slot of the OPENID's; returns its file id. */
export async function storePhoto(
  url: string,
  openid: string,
  name: string,
  bytes: Buffer = readFileSync(DEMO_PHOTO),
): Promise<string> {
  const headers = { 'content-type': 'application/json', 'x-woodpecker-openid': openid }
  const slots = await fetch(`${url}/fn/media`, {
    method: 'POST',
    headers,
    body: JSON.stringify({ action: 'uploadSlots', input: { count: 1 } }),
  })
  const answer = (await slots.json()) as { ok: boolean; data?: { prefixes: string[] } }
  const prefix = answer.data?.prefixes[0]
  if (!prefix) throw new Error(`${openid} gets no upload slot (not a bound staff member)`)
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
