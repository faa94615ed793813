// Direct calls to the weapp suite's emulator: set up data the way people would, through the functions.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { join } from 'node:path'

/** POSTs JSON to the emulator as an OPENID; resolves with the parsed answer. */
export function post(path: string, openid: string, body: unknown): Promise<unknown> {
  return new Promise((ok, fail) => {
    const req = request(
      `${process.env.WOODPECKER_EMULATOR_URL}${path}`,
      {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
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

/** Calls a function action as an OPENID; throws unless it answers ok. */
export async function act<T = { id: string; status: string }>(
  openid: string,
  fn: string,
  action: string,
  input: unknown,
): Promise<T> {
  const res = (await post(`/fn/${fn}`, openid, { action, input })) as {
    ok: boolean
    data: T
    code?: string
    message?: string
  }
  if (!res.ok) throw new Error(`${fn}.${action} as ${openid}: ${res.code} ${res.message}`)
  return res.data
}

let consentSeq = 0

/** Gives a captain one push consent, as tapping 待办 would. */
export async function consent(openid: string): Promise<void> {
  await post('/_emulator/consent', '', { openid, templateIds: ['woodpecker-hazard-assigned'] })
  await act(openid, 'notify', 'consent', {
    results: { 'woodpecker-hazard-assigned': 'accept' },
    requestKey: `weapp-consent-${++consentSeq}-${Date.now()}`,
  })
}

const photos = new Map<string, Promise<string>>()

/** The OPENID's own stored photo (the demo photo in an upload slot of theirs), stored on first use. */
export function photoOf(openid: string): Promise<string> {
  let fileId = photos.get(openid)
  if (!fileId) {
    fileId = act<{ prefixes: string[] }>(openid, 'media', 'uploadSlots', { count: 1 }).then(
      ({ prefixes: [uploadPrefix] }) =>
        new Promise<string>((ok, fail) => {
          const path = encodeURIComponent(`${uploadPrefix}weapp.jpg`)
          const req = request(
            `${process.env.WOODPECKER_EMULATOR_URL}/_emulator/upload?path=${path}`,
            { method: 'POST', headers: { 'content-type': 'image/jpeg' } },
            (res) => {
              const chunks: Buffer[] = []
              res.on('data', (c: Buffer) => chunks.push(c))
              res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8')).fileID))
            },
          )
          req.on('error', fail)
          req.end(
            readFileSync(join(__dirname, '..', '..', '..', 'scripts', 'seed', 'demo-hazard.jpg')),
          )
        }),
    )
    photos.set(openid, fileId)
  }
  return fileId
}

/** Reports a hazard on a floor. */
export async function report(
  openid: string,
  key: string,
  floorId: string,
  description: string,
): Promise<{ id: string; status: string }> {
  return act(openid, 'ticket', 'create', {
    clientKey: `weapp-${key}`.padEnd(12, '0'),
    floorId,
    categoryId: 'electrical',
    photos: [await photoOf(openid)],
    description,
  })
}

/** Moves a ticket to 待复核 as its floor captain: defer with a plan, then complete with a photo. */
export async function toReviewing(captain: string, id: string): Promise<void> {
  await act(captain, 'ticket', 'act', {
    id,
    action: 'defer',
    deadline: new Date(Date.now() + 3 * 86400_000).toISOString(),
    departmentId: 'general-affairs',
    plan: '更换插座',
  })
  await act(captain, 'ticket', 'act', {
    id,
    action: 'complete',
    afterPhotos: [await photoOf(captain)],
  })
}
