// Where a staff member may upload a photo: a slot the server hands out, `photos/<nonce>-<mac>/`,
// where the mac binds the nonce to the user with a server-only key. A slot names nobody (an
// anonymous report's photos cannot be traced to their reporter by their path) and links nothing
// (every photo gets its own), yet only the user it was handed to can attach what is stored in it.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto'
import { getOrCreateSecret, getSecret } from '../runtime/settings-store'
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

/**
 * A test of cloud paths against this user's slots: true for one file directly inside a slot handed
 * to them. Reads the key once; with no key yet, no slot was ever handed out and nothing passes.
 */
export async function ownSlotTest(
  ctx: ActionContext,
  userId: string,
): Promise<(path: string) => boolean> {
  const key = await getSecret(ctx.db, KEY_ID)
  return (path) => {
    const m = SLOT.exec(path)
    return Boolean(
      key && m && timingSafeEqual(Buffer.from(m[2]), Buffer.from(macOf(key, userId, m[1]))),
    )
  }
}
