// Whether the H5 app runs deployed (signed in through CloudBase's web SDK) or as the local demo
// (the emulator's dev gateway and the 演示身份 picker). Read without loading the SDK.

/** Where the web SDK signs in and calls functions. */
export interface WebSdkTarget {
  /** The CloudBase environment id. */
  env: string
  /** A host to send every SDK request to instead of CloudBase's (the local emulator). */
  host?: string
}

/**
 * The web SDK's target, or null for the local demo. A build for deployment names its environment
 * with TARO_APP_CLOUDBASE_ENV; a page may also be given `__WOODPECKER_CLOUDBASE__` before it starts
 * (the browser tests do, to run the demo build in deployed mode against the emulator).
 */
export function webSdkTarget(): WebSdkTarget | null {
  if (process.env.TARO_ENV !== 'h5') return null
  const given = (globalThis as { __WOODPECKER_CLOUDBASE__?: WebSdkTarget }).__WOODPECKER_CLOUDBASE__
  if (given?.env) return given
  const built = process.env.TARO_APP_CLOUDBASE_ENV
  return built ? { env: built } : null
}
