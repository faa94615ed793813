// Where each photo goes: a slot the server hands out (`media.uploadSlots`), one per photo. A ticket
// accepts only photos stored in the caller's own slots; a slot's name says nothing about its owner.
import { MAX_PHOTOS } from '../../types/ticket'
import { call } from './call'
import { currentPersona } from './persona'

const pools = new Map<string, string[]>()
const asking = new Map<string, Promise<void>>()

const identity = () => (process.env.TARO_ENV === 'weapp' ? 'me' : currentPersona())

/** Asks for a handful of slots ahead (while the user frames the shot); harmless to call often. */
export function warmUploadSlots(): Promise<void> {
  const who = identity()
  if ((pools.get(who)?.length ?? 0) > 0) return Promise.resolve()
  let pending = asking.get(who)
  if (!pending) {
    pending = call('media', 'uploadSlots', { count: MAX_PHOTOS })
      .then(({ prefixes }) => void pools.set(who, [...(pools.get(who) ?? []), ...prefixes]))
      .finally(() => asking.delete(who))
    asking.set(who, pending)
  }
  return pending
}

/** A fresh cloud path for one photo, in a slot of its own. */
export async function photoCloudPath(now = new Date()): Promise<string> {
  const who = identity()
  for (let attempt = 0; attempt < 3; attempt++) {
    const prefix = pools.get(who)?.shift()
    if (prefix) return `${prefix}${now.getTime()}.jpg`
    await warmUploadSlots()
  }
  throw new Error('no upload slot')
}
