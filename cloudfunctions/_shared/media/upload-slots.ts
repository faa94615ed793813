// Where a staff member may upload a photo: a slot the server hands out, `photos/<nonce>-<mac>/`,
// where the mac binds the nonce to the user with a server-only key. A slot names nobody (an
// anonymous report's photos cannot be traced to their reporter by their path) and links nothing
// (every photo gets its own), yet only the user it was handed to can attach what is stored in it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getOrCreateSecret, getSecret } from '../db/secrets'
import type { ActionContext } from '../runtime/context'

const KEY_ID = 'upload-slot-key'
const SLOT = /^photos\/([0-9a-f]{16})-([0-9a-f]{24})\/[^/]+$/

function macOf(key: string, userId: string, nonce: string): string {
  return createHmac('sha256', key).update(`${userId}\n${nonce}`).digest('hex').slice(0, 24)
}

/** `count` fresh upload prefixes for this user, each for one photo. */
export async function newUploadSlots(
  ctx: ActionContext,
  userId: string,
  count: number,
): Promise<string[]> {
  const key = await getOrCreateSecret(ctx.db, KEY_ID)
  return Array.from({ length: count }, () => {
    const nonce = randomBytes(8).toString('hex')
    return `photos/${nonce}-${macOf(key, userId, nonce)}/`
  })
}

/** Whether a cloud path is one file directly inside a slot handed to this user. */
export async function isOwnSlotPath(
  ctx: ActionContext,
  userId: string,
  path: string,
): Promise<boolean> {
  const m = SLOT.exec(path)
  if (!m) return false
  const key = await getSecret(ctx.db, KEY_ID) // no key yet: no slot was ever handed out
  if (!key) return false
  return timingSafeEqual(Buffer.from(m[2]), Buffer.from(macOf(key, userId, m[1])))
}
