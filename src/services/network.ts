// When the network comes back, and when the app comes back to the front: the moments to send what
// waited on the device. Weapp: wx.onNetworkStatusChange and wx.onAppShow; H5: the window's 'online'
// and the page turning visible.
import Taro from '@tarojs/taro'

/** Calls `fn` whenever the network returns; returns the way to stop. */
export function onNetworkBack(fn: () => void): () => void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof window === 'undefined') return () => undefined
    window.addEventListener('online', fn)
    return () => window.removeEventListener('online', fn)
  }
  const listener = (res: { isConnected: boolean }) => {
    if (res.isConnected) fn()
  }
  Taro.onNetworkStatusChange(listener)
  return () => Taro.offNetworkStatusChange?.(listener)
}

/** Calls `fn` whenever the app comes to the front again. */
export function onAppBack(fn: () => void): void {
  if (process.env.TARO_ENV === 'h5') {
    if (typeof document === 'undefined') return
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'visible') fn()
    })
    return
  }
  Taro.onAppShow(() => fn())
}
