// Subscription consents as credits per user × template: the only code that names these collections.
import type { Database } from '../../runtime/context'
import { isDuplicateKey, MAX_IN, readAll } from '../../runtime/rows'

const CONSENTS = 'consents'
const REQUESTS = 'consent_requests'

interface ConsentDoc {
  _id: string
  userId: string
  templateId: string
  credits: number
  longTerm?: boolean
}

/** Marks a consent request as counted; false when this request was already counted. */
export async function claimConsentRequest(
  db: Database,
  userId: string,
  requestKey: string,
  now: Date,
): Promise<boolean> {
  try {
    await db.collection(REQUESTS).add({ data: { _id: `${userId}:${requestKey}`, userId, at: now } })
    return true
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
}

/** Adds one send to a one-time template, or turns a long-term one on. */
export async function grantConsent(
  db: Database,
  userId: string,
  templateId: string,
  longTerm: boolean,
  now: Date,
): Promise<void> {
  const _id = `${userId}|${templateId}`
  const data = longTerm
    ? { longTerm: true, updatedAt: now }
    : { credits: db.command.inc(1), updatedAt: now }
  const res = (await db.collection(CONSENTS).where({ _id }).update({ data })) as {
    stats?: { updated?: number }
  }
  if (res.stats?.updated) return
  try {
    await db.collection(CONSENTS).add({
      data: { _id, userId, templateId, credits: longTerm ? 0 : 1, longTerm, updatedAt: now },
    })
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
    await db.collection(CONSENTS).where({ _id }).update({ data })
  }
}

/** Spends one one-time send; false when none is left. */
export async function spendCredit(
  db: Database,
  userId: string,
  templateId: string,
): Promise<boolean> {
  const res = (await db
    .collection(CONSENTS)
    .where({ _id: `${userId}|${templateId}`, credits: db.command.gt(0) })
    .update({ data: { credits: db.command.inc(-1) } })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}

/** Gives back a send the platform refused for another reason than consent. */
export async function refundCredit(
  db: Database,
  userId: string,
  templateId: string,
): Promise<void> {
  await db
    .collection(CONSENTS)
    .where({ _id: `${userId}|${templateId}` })
    .update({ data: { credits: db.command.inc(1) } })
}

/** Sets a template's credits to none (the platform said 43101: our count was off). */
export async function clearCredits(
  db: Database,
  userId: string,
  templateId: string,
): Promise<void> {
  await db
    .collection(CONSENTS)
    .where({ _id: `${userId}|${templateId}` })
    .update({ data: { credits: 0, longTerm: false } })
}

/** Every consent a user holds. */
export async function consentsOf(db: Database, userId: string): Promise<ConsentDoc[]> {
  return readAll<ConsentDoc>(db, CONSENTS, { userId })
}

/** Every consent of several users (read to the end, 100 users at a time). */
export async function consentsOfUsers(db: Database, userIds: string[]): Promise<ConsentDoc[]> {
  const unique = [...new Set(userIds)]
  const out: ConsentDoc[] = []
  for (let i = 0; i < unique.length; i += MAX_IN)
    out.push(
      ...(await readAll<ConsentDoc>(db, CONSENTS, {
        userId: db.command.in(unique.slice(i, i + MAX_IN)),
      })),
    )
  return out
}
