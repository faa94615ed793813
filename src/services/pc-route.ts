// Where a PC goes to sign in, and the note this browser keeps of who signed it in.
import Taro from '@tarojs/taro'

/** The PC sign-in page (H5 only). */
export const PC_SIGNIN_PAGE = '/pc/pages/signin'
/** Where a PC goes after signing in when it asked for nothing else. */
export const PC_HOME = '/cockpit/pages/index'

const KEY = 'woodpecker.pc'

/** The name this browser signed in as, or '' when it has not. The server stays the judge of it. */
export function pcSignedInName(): string {
  try {
    return (Taro.getStorageSync(KEY) as string) || ''
  } catch {
    return ''
  }
}

/** Notes (or, with '', forgets) who this browser signed in as. */
export function notePcSignIn(name: string): void {
  if (name) Taro.setStorageSync(KEY, name)
  else Taro.removeStorageSync(KEY)
}

/** The route (path and query) the browser shows now, from the hash router. */
export function currentRoute(): string {
  return decodeURIComponent(location.hash.replace(/^#/, '')) || PC_HOME
}

/** The sign-in page's URL, returning to `to` afterwards; `ended` when a session was ended. */
export function signInUrl(to: string, ended = false): string {
  const back = to.startsWith(PC_SIGNIN_PAGE) ? PC_HOME : to
  return `${PC_SIGNIN_PAGE}?to=${encodeURIComponent(back)}${ended ? '&ended=1' : ''}`
}

const onSignInPage = (): boolean => location.hash.startsWith(`#${PC_SIGNIN_PAGE}`)

/** Sends the PC to the sign-in page (forgetting its sign-in when the session was ended). */
export function goToSignIn(ended = false): void {
  if (ended) notePcSignIn('')
  if (!onSignInPage()) void Taro.reLaunch({ url: signInUrl(currentRoute(), ended) })
}

/** Before the first page shows: a PC that has not signed in opens the sign-in page instead. */
export function guardPcSignIn(): void {
  if (!pcSignedInName() && !onSignInPage()) location.replace(`#${signInUrl(currentRoute())}`)
}
