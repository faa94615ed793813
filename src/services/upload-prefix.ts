// Where this staff member's photos go: the prefix the server hands out (user.whoami). A ticket
// accepts only photos stored under it, so the app asks once per identity and keeps the answer.
import { ApiError } from './api-error'
import { call } from './call'
import { currentPersona } from './persona'

const known = new Map<string, Promise<string>>()

/** The caller's upload prefix (`photos/<key>/`); asked once per identity, asked again after a failure. */
export function myUploadPrefix(): Promise<string> {
  const who = process.env.TARO_ENV === 'weapp' ? 'me' : currentPersona()
  let prefix = known.get(who)
  if (!prefix) {
    prefix = call('user', 'whoami', {}).then((me) => {
      if (!me.uploadPrefix) throw new ApiError('auth.unknown_user')
      return me.uploadPrefix
    })
    prefix.catch(() => known.delete(who))
    known.set(who, prefix)
  }
  return prefix
}

/** A fresh cloud path for one photo under the caller's prefix. */
export async function photoCloudPath(now = new Date()): Promise<string> {
  const name = `${now.getTime()}-${Math.random().toString(36).slice(2, 8)}.jpg`
  return `${await myUploadPrefix()}${now.toISOString().slice(0, 10)}/${name}`
}
