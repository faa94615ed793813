// Replays the story's campaign on the demo hospital through the real functions (the H5 gateway):
// 161 hazards reported, 141 fixed on the spot, 20 deferred with deadlines, completed and verified,
// 133 ratings of which 123 are 4 or 5 stars. Used by tests and the browser test.
import { CATEGORIES } from './hospital'
import { demoPhotoStore } from './photos'

/**
 * Calls a function as an OPENID through the emulator's H5 gateway; throws unless ok. A report or an
 * act is followed as the app follows it (`ticket.follow`: its pushes sent, counted, photos screened)
 * and answers the settled view — unless `follow` is false, as for an app closed right after its
 * answer: then notify's timer sends the pushes and the sla sweep counts and screens, as the clock
 * moves. Its `photo` gives each OPENID its own stored copy of the demo photo, for reports and
 * after-photos.
 */
export function gatewayCaller(url: string, opts: { follow?: boolean } = {}) {
  const follow = opts.follow ?? true
  const once = async <T>(openid: string, fn: string, action: string, input: unknown) => {
    const res = await fetch(`${url}/fn/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
      body: JSON.stringify({ action, input }),
    })
    const env = (await res.json()) as { ok: boolean; data?: T; code?: string; message?: string }
    if (!env.ok) throw new Error(`${fn}.${action} as ${openid}: ${env.code} ${env.message}`)
    return env.data as T
  }
  const call = async <T = unknown>(openid: string, fn: string, action: string, input: unknown) => {
    const data = await once<T>(openid, fn, action, input)
    const written = follow && fn === 'ticket' && (action === 'create' || action === 'act')
    const id = (data as { id?: string }).id
    return written && id ? once<T>(openid, 'ticket', 'follow', { id }) : data
  }
  return Object.assign(call, { photo: demoPhotoStore(url) })
}
export type Caller = ReturnType<typeof gatewayCaller>

/** Gives a captain `n` one-time push consents (as n taps on WeChat's consent sheet would). */
export async function grantConsents(url: string, openid: string, n: number): Promise<void> {
  const call = gatewayCaller(url)
  const templateId = 'woodpecker-hazard-assigned'
  for (let i = 0; i < n; i++) {
    await fetch(`${url}/_emulator/consent`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ openid, templateIds: [templateId] }),
    })
    await call(openid, 'notify', 'consent', {
      results: { [templateId]: 'accept' },
      requestKey: `seed-${openid}-${Date.now()}-${Math.random().toString(36).slice(2, 10)}`,
    })
  }
}

/** The floors the campaign reports on, and their captains. */
export function campaignCaptains(): string[] {
  return FLOORS.map((f) => (f === 'B07F03' ? 'demo-floor-captain' : `o-fc-${f}`))
}

export const CAMPAIGN = { found: 161, fixedOnSpot: 141, deferred: 20, ratings: 133, good: 123 }
export const SAFETY = 'demo-safety'
const REPORTERS = ['demo-staff', ...Array.from({ length: 11 }, (_, i) => `o-staff-${i + 2}`)]
// Not the demo personas' floor (B07F03): the campaign leaves its captain's consents alone.
const FLOORS = ['B01F02', 'B03F05', 'B04F01', 'B07F05', 'B07F04', 'B08F06', 'B10F02', 'B18F01']

/**
 * Reports and handles the campaign, `parallel` callers at a time; `tick` moves the clock between
 * steps (a manual clock's jump, or nothing under real time). Returns the ticket ids in report order.
 */
export async function replayCampaign(
  call: Caller,
  tick: (ms: number) => Promise<unknown> = async () => undefined,
  now: () => Date = () => new Date(),
  tag = 'campaign',
  parallel = 1,
): Promise<string[]> {
  const ids: string[] = []
  const report = async (i: number) =>
    call<{ id: string }>(REPORTERS[i % REPORTERS.length], 'ticket', 'create', {
      clientKey: `${tag}-${i}-woodpecker`,
      floorId: FLOORS[i % FLOORS.length],
      categoryId: CATEGORIES[(i * 5) % CATEGORIES.length]._id,
      photos: [await call.photo(REPORTERS[i % REPORTERS.length])],
      description: `专项检查发现第 ${i + 1} 处隐患`,
    })
  // Every phase runs in batches of `parallel` callers at once (ids stay in report order); the clock
  // moves as far per batch as it would one step at a time, so hourly limits hold at any parallelism.
  const batches = (n: number): number[][] =>
    Array.from({ length: Math.ceil(n / parallel) }, (_, b) =>
      Array.from({ length: Math.min(parallel, n - b * parallel) }, (_, k) => b * parallel + k),
    )
  const handle = async (i: number) => {
    if (i < CAMPAIGN.fixedOnSpot)
      return call(SAFETY, 'ticket', 'act', {
        id: ids[i],
        action: 'fix',
        afterPhotos: [await call.photo(SAFETY)],
      })
    return call(SAFETY, 'ticket', 'act', {
      id: ids[i],
      action: 'defer',
      deadline: new Date(now().getTime() + 2 * 86400_000).toISOString(),
      departmentId: 'property',
      plan: '限期整改，由物业公司落实',
    })
  }
  const finish = async (i: number) => {
    await call(SAFETY, 'ticket', 'act', {
      id: ids[i],
      action: 'complete',
      afterPhotos: [await call.photo(SAFETY)],
    })
    await call(SAFETY, 'ticket', 'act', { id: ids[i], action: 'verify' })
  }
  // Found and handled as a round of checks goes: each batch is fixed on the spot (or given its
  // deadline) minutes after it is reported, long before any hazard would climb the ladder.
  for (const batch of batches(CAMPAIGN.found)) {
    await tick(90_000 * batch.length)
    ids.push(...(await Promise.all(batch.map(report))).map((t) => t.id))
    await tick(60_000 * batch.length)
    await Promise.all(batch.map(handle))
    const deferred = batch.filter((i) => i >= CAMPAIGN.fixedOnSpot)
    if (deferred.length === 0) continue
    await tick(60_000 * deferred.length)
    await Promise.all(deferred.map(finish))
  }
  for (const batch of batches(CAMPAIGN.ratings)) {
    await tick(30_000 * batch.length)
    await Promise.all(
      batch.map((i) =>
        call(REPORTERS[i % REPORTERS.length], 'ticket', 'act', {
          id: ids[i],
          action: 'confirm',
          rating: i < CAMPAIGN.good ? 4 + (i % 2) : 1 + (i % 3),
        }),
      ),
    )
  }
  return ids
}
