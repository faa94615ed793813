// The H5 build's stand-ins for what only WeChat does (cloud upload, the subscription dialog, the
// dev persona list): the emulator's `/_emulator/*` dev endpoints, reached from this module alone.
import { apiBase, currentPersona, type Persona } from './persona'

/** Uploads bytes to the emulator's storage as the current persona; resolves with the cloud:// id. */
export async function standInUpload(
  body: Blob,
  where: { path: string } | { name: string },
): Promise<string> {
  const query =
    'path' in where
      ? `path=${encodeURIComponent(where.path)}`
      : `name=${encodeURIComponent(where.name)}`
  const res = await fetch(`${apiBase()}/_emulator/upload?${query}`, {
    method: 'POST',
    headers: {
      'content-type': body.type || 'application/octet-stream',
      'x-woodpecker-openid': currentPersona(),
    },
    body,
  })
  if (!res.ok) throw new Error(`upload ${res.status}`)
  return ((await res.json()) as { fileID: string }).fileID
}

/** The emulator's subscription dialog: answers per template id, as requestSubscribeMessage would. */
export async function standInConsent(templateIds: string[]): Promise<Record<string, string>> {
  const res = await fetch(`${apiBase()}/_emulator/consent`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ openid: currentPersona(), templateIds }),
  })
  return (await res.json()) as Record<string, string>
}

/** The seeded demo staff the emulator offers as personas, or none when it cannot answer. */
export async function listPersonas(): Promise<Persona[]> {
  const res = await fetch(`${apiBase()}/_emulator/personas`)
  if (!res.ok) return []
  return (await res.json()) as Persona[]
}
