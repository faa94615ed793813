// Direct calls to the weapp suite's emulator: set up data the way people would, through the functions.
import { readFileSync } from 'node:fs'
import { request } from 'node:http'
import { DEMO_PHOTO, oncePerKey } from '../../../scripts/seed/photos'
import { STILL_START } from '../../../emulator/src/clock'

/** POSTs JSON (or a JPEG's bytes) to the emulator as an OPENID; resolves with the parsed answer. */
export function post(path: string, openid: string, body: unknown): Promise<unknown> {
  const bytes = Buffer.isBuffer(body)
  return new Promise((ok, fail) => {
    const req = request(
      `${process.env.WOODPECKER_EMULATOR_URL}${path}`,
      {
        method: 'POST',
        headers: {
          'content-type': bytes ? 'image/jpeg' : 'application/json',
          'x-woodpecker-openid': openid,
        },
      },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => ok(JSON.parse(Buffer.concat(chunks).toString('utf8'))))
      },
    )
    req.on('error', fail)
    req.end(bytes ? body : JSON.stringify(body))
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

/**
 * The OPENID's own stored photo, stored on first use: an upload without a path lands in a slot of
 * the uploader's (a ticket accepts no one else's photo).
 */
export const photoOf = oncePerKey(
  async (openid) =>
    (
      (await post('/_emulator/upload?name=weapp.jpg', openid, readFileSync(DEMO_PHOTO))) as {
        fileID: string
      }
    ).fileID,
)

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
    deadline: new Date(STILL_START + 3 * 86400_000).toISOString(),
    departmentId: 'general-affairs',
    plan: '更换插座',
  })
  await act(captain, 'ticket', 'act', {
    id,
    action: 'complete',
    afterPhotos: [await photoOf(captain)],
  })
}
