// WeChat's privacy rules on the device: when an API that needs the user's agreement is called
// (chooseMedia: 选中的照片或视频信息, 摄像头), WeChat asks us — through onNeedPrivacyAuthorization — to
// show our own agreement sheet. The sheet component subscribes here; its answer resolves WeChat's ask.
import Taro from '@tarojs/taro'

type Resolve = (answer: { event: 'agree' | 'disagree'; buttonId?: string }) => void
type Listener = (open: boolean) => void

export const PRIVACY_AGREE_BUTTON_ID = 'privacy-agree'

let pending: Resolve | undefined
const listeners = new Set<Listener>()

function wxApi(): Record<string, unknown> | undefined {
  return (globalThis as { wx?: Record<string, unknown> }).wx
}

/** Registers the handler once at app start (weapp only). */
export function installPrivacyHandler(): void {
  if (process.env.TARO_ENV !== 'weapp') return
  const on = wxApi()?.onNeedPrivacyAuthorization as ((fn: (r: Resolve) => void) => void) | undefined
  on?.((resolve) => {
    pending = resolve
    listeners.forEach((l) => l(true))
  })
}

/** Subscribes a sheet to WeChat's asks; returns the unsubscribe function. */
export function onPrivacyAsk(listener: Listener): () => void {
  listeners.add(listener)
  if (pending) listener(true)
  return () => listeners.delete(listener)
}

/** Answers WeChat's ask: agree (from the agreePrivacyAuthorization button) or refuse. */
export function answerPrivacy(agree: boolean): void {
  const resolve = pending
  pending = undefined
  resolve?.(agree ? { event: 'agree', buttonId: PRIVACY_AGREE_BUTTON_ID } : { event: 'disagree' })
  listeners.forEach((l) => l(false))
}

/** Opens the mini-program's 《隐私保护指引》 as registered in the admin console. */
export function openPrivacyContract(): void {
  const open = wxApi()?.openPrivacyContract as ((o: object) => void) | undefined
  if (open) open({})
  else void Taro.showModal({ title: '隐私保护指引', content: PRIVACY_SUMMARY, showCancel: false })
}

/** What the app collects and why, in one paragraph (the full text is the registered guideline). */
export const PRIVACY_SUMMARY =
  '为了上报隐患，啄木鸟会使用你的摄像头和你选中的照片（上传前去除位置等信息），以及你的微信昵称对应的员工身份。照片仅用于隐患处理，不会用于其他用途。'
