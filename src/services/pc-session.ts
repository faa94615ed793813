// A PC's sign-in through the web SDK (H5 only): asking for a code, signing in with the ticket the
// phone's confirmation released, and 退出.
import { call } from './call'
import { goToSignIn, notePcSignIn } from './pc-route'
import { webSdkTarget, type WebSdkTarget } from './web-mode'

async function webSdk(): Promise<{ target: WebSdkTarget; web: typeof import('./cloudbase-web') }> {
  const target = webSdkTarget()
  const web = process.env.TARO_ENV === 'h5' ? await import('./cloudbase-web') : null
  if (!target || !web) throw new Error('PC sign-in runs only in the deployed H5 app')
  return { target, web }
}

/** A fresh code for this PC (signing in anonymously first, as the SDK needs a sign-in to call). */
export async function startPcSignIn(): Promise<{
  scene: string
  pollKey: string
  expiresAt: string
  code: string
}> {
  const { target, web } = await webSdk()
  await web.ensureVisitor(target)
  return call('signin', 'start', { userAgent: navigator.userAgent.slice(0, 300) })
}

/** Signs this PC in with the ticket `signin.poll` handed over, as `name`. */
export async function finishPcSignIn(ticket: string, name: string): Promise<void> {
  const { target, web } = await webSdk()
  await web.signInWithTicket(target, ticket)
  notePcSignIn(name || '已登录')
}

/** 退出: ends this PC's session on the server, then signs the browser out and shows the sign-in page. */
export async function signOutPc(): Promise<void> {
  const { target, web } = await webSdk()
  await call('signin', 'end', {})
  notePcSignIn('')
  await web.signOutWeb(target).catch(() => undefined)
  goToSignIn()
}
