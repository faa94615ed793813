// The dev persona (H5 + emulator only): which OPENID the browser acts as.
import Taro from '@tarojs/taro'

const KEY = 'woodpecker.persona'

export interface Persona {
  openid: string
  name: string
  role?: string
  label?: string
}

/** The persona chosen in this browser, or '' when none. */
export function currentPersona(): string {
  try {
    return (Taro.getStorageSync(KEY) as string) || ''
  } catch {
    return ''
  }
}

/** Chooses a persona for later calls. */
export function choosePersona(openid: string): void {
  Taro.setStorageSync(KEY, openid)
}

/** Where the emulator answers: same origin unless a dev server says otherwise. */
export function apiBase(): string {
  const g = globalThis as { __WOODPECKER_API_BASE__?: string }
  return g.__WOODPECKER_API_BASE__ ?? ''
}
