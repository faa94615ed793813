// Loads Taro's compiled weapp pages from dist/ into miniprogram-simulate with WeChat's real WXML
// compiler. The app is launched once; Taro's Page(config) is adapted to a Component; the page's
// wx.cloud.callFunction goes over HTTP to a real emulator running the real built functions.
import {
  accessSync,
  copyFileSync,
  mkdtempSync,
  readFileSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs'
import { request } from 'node:http'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const simulate = require('miniprogram-simulate') as {
  load(path: string, options?: Record<string, unknown>): string
  render(id: string, props?: Record<string, unknown>): SimComponent
}

export const DIST = resolve(__dirname, '..', '..', 'dist')

export interface SimComponent {
  dom: HTMLElement
  attach(parent: HTMLElement): void
  detach(): void
  instance: Record<string, unknown>
}

type Dict = Record<string, unknown>
let app: Dict | undefined
let persona = ''
const storage = new Map<string, unknown>()
let privacyListener: ((resolve: (answer: Dict) => void) => void) | undefined

// Device APIs a test may answer differently; Taro binds wx functions at launch, so these stay the
// same functions and look up the current answer at each call.
const overrides: Dict = {}
const DEVICE_APIS = ['chooseMedia', 'chooseImage', 'compressImage', 'openSetting']

/** Replaces some wx device APIs for a test (e.g. a chooseMedia that fails with errno 112). */
export function setWx(patch: Dict): void {
  for (const k of Object.keys(patch))
    if (!DEVICE_APIS.includes(k)) throw new Error(`setWx: add ${k} to DEVICE_APIS in the harness`)
  Object.assign(overrides, patch)
}

/** Asks the app for privacy consent the way WeChat does before a guarded API; resolves with its answer. */
export function needPrivacyAuthorization(): Promise<Dict> {
  return new Promise((resolve) => {
    if (!privacyListener) throw new Error('the app never called wx.onNeedPrivacyAuthorization')
    privacyListener(resolve)
  })
}

/** Taps the first element whose class list contains `className` (Taro's compiled bindtap). */
export function tap(page: SimComponent, className: string): void {
  const el = (
    page as unknown as { querySelector(s: string): { dispatchEvent(e: string): void } | null }
  ).querySelector(`.${className}`)
  if (!el) throw new Error(`nothing to tap with class ${className}`)
  el.dispatchEvent('tap')
}

/** Every cloud call the pages made, in order of completion: who, which function and action. */
export const callLog: Array<{ openid: string; fn: string; action: string }> = []

/** What the pages did to the tab bar (text and badge per index), as WeChat would show it. */
export const tabBar: { text: Record<number, string>; badge: Record<number, string | undefined> } = {
  text: {},
  badge: {},
}

/** Acts as this OPENID in later cloud calls (what WeChat would know from the session). */
export function actAs(openid: string): void {
  persona = openid
}

let online = true
const networkListeners = new Set<(res: { isConnected: boolean; networkType: string }) => void>()

/** Turns the phone's network off or on: cloud calls and uploads fail while off, and the pages'
 * wx.onNetworkStatusChange listeners hear each change, as on a phone entering a stairwell. */
export function setOnline(value: boolean): void {
  online = value
  for (const fn of [...networkListeners])
    fn({ isConnected: value, networkType: value ? 'wifi' : 'none' })
}

/** Every file the pages uploaded with wx.cloud.uploadFile: who, where they asked for, what came back. */
export const uploadLog: Array<{ openid: string; cloudPath: string; fileID: string }> = []

function postJson(url: string, body: unknown, headers: Record<string, string>): Promise<unknown> {
  return postBytes(url, Buffer.from(JSON.stringify(body)), {
    'content-type': 'application/json',
    ...headers,
  })
}

function postBytes(url: string, body: Buffer, headers: Record<string, string>): Promise<unknown> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: 'POST', headers }, (res) => {
      const chunks: Buffer[] = []
      res.on('data', (c: Buffer) => chunks.push(c))
      res.on('end', () => {
        try {
          ok(JSON.parse(Buffer.concat(chunks).toString('utf8')))
        } catch (error) {
          fail(error)
        }
      })
    })
    req.on('error', fail)
    req.end(body)
  })
}

function installWx(): void {
  const g = globalThis as Dict
  const base = (g.wx as Dict | undefined) ?? {}
  const emulatorUrl = process.env.WOODPECKER_EMULATOR_URL
  g.wx = {
    ...base,
    getSystemInfoSync: () => ({
      platform: 'devtools',
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 667,
      pixelRatio: 2,
      SDKVersion: '3.4.0',
      language: 'zh_CN',
      version: '8.0.50',
    }),
    getWindowInfo: () => ({
      windowWidth: 375,
      windowHeight: 667,
      screenWidth: 375,
      screenHeight: 667,
      pixelRatio: 2,
    }),
    env: { USER_DATA_PATH: mkdtempSync(join(tmpdir(), 'wxfile-')) },
    // The device's file system, for the app's own temp copies (EXIF stripped before upload).
    getFileSystemManager: () => ({
      readFileSync: (path: string) => {
        const b = readFileSync(path)
        return b.buffer.slice(b.byteOffset, b.byteOffset + b.byteLength)
      },
      writeFileSync: (path: string, data: ArrayBuffer) => writeFileSync(path, Buffer.from(data)),
      copyFileSync: (from: string, to: string) => copyFileSync(from, to),
      accessSync: (path: string) => accessSync(path),
      unlinkSync: (path: string) => unlinkSync(path),
    }),
    getStorageSync: (k: string) => storage.get(k) ?? '',
    setStorageSync: (k: string, v: unknown) => void storage.set(k, v),
    removeStorageSync: (k: string) => void storage.delete(k),
    onNetworkStatusChange: (fn: (res: { isConnected: boolean; networkType: string }) => void) =>
      void networkListeners.add(fn),
    offNetworkStatusChange: (fn?: (res: { isConnected: boolean; networkType: string }) => void) =>
      fn ? void networkListeners.delete(fn) : networkListeners.clear(),
    nextTick: (fn: () => void) => setTimeout(fn, 0),
    showToast: () => undefined,
    showLoading: () => undefined,
    hideLoading: () => undefined,
    showModal: (o: { success?: (r: Dict) => void }) =>
      o.success?.({ confirm: true, cancel: false }),
    navigateTo: () => undefined,
    redirectTo: () => undefined,
    switchTab: () => undefined,
    showTabBarRedDot: (o: { success?: () => void }) => o?.success?.(),
    setTabBarItem: (o: { index: number; text?: string; success?: () => void }) => {
      if (o.text) tabBar.text[o.index] = o.text
      o.success?.()
    },
    setTabBarBadge: (o: { index: number; text: string; success?: () => void }) => {
      tabBar.badge[o.index] = o.text
      o.success?.()
    },
    removeTabBarBadge: (o: { index: number; success?: () => void }) => {
      tabBar.badge[o.index] = undefined
      o.success?.()
    },
    setNavigationBarTitle: (o: { success?: () => void }) => o?.success?.(),
    hideTabBarRedDot: (o: { success?: () => void }) => o?.success?.(),
    onAppShow: () => undefined,
    onAppHide: () => undefined,
    getLaunchOptionsSync: () => ({ path: 'pages/report/index', query: {}, scene: 1001 }),
    onNeedPrivacyAuthorization: (fn: typeof privacyListener) => {
      privacyListener = fn
    },
    openPrivacyContract: (o: { success?: () => void }) => o?.success?.(),
    ...Object.fromEntries(
      DEVICE_APIS.map((name) => [
        name,
        // Like WeChat: callbacks when given, otherwise a Promise (what Taro awaits for these APIs).
        (o: Dict = {}) => {
          const impl =
            (overrides[name] as ((o: Dict) => void) | undefined) ??
            ((x: Dict) => (x.fail as (e: Dict) => void)({ errMsg: `${name}:fail cancel` }))
          const callbacks = Boolean(o.success || o.fail || o.complete)
          const run = (resolve: (r: unknown) => void, reject: (e: unknown) => void): void =>
            impl({
              ...o,
              success: (r: Dict) => {
                ;(o.success as ((r: Dict) => void) | undefined)?.(r)
                ;(o.complete as ((r: Dict) => void) | undefined)?.(r)
                resolve(r)
              },
              fail: (e: Dict) => {
                ;(o.fail as ((e: Dict) => void) | undefined)?.(e)
                ;(o.complete as ((e: Dict) => void) | undefined)?.(e)
                reject(e)
              },
            })
          if (callbacks)
            return run(
              () => undefined,
              () => undefined,
            )
          return new Promise(run)
        },
      ]),
    ),
    cloud: {
      init: () => undefined,
      DYNAMIC_CURRENT_ENV: Symbol('current env'),
      callFunction: async ({ name, data }: { name: string; data: unknown }) => {
        if (!emulatorUrl)
          throw new Error('WOODPECKER_EMULATOR_URL is not set: run through the weapp jest project')
        const openid = persona
        if (!online) throw { errMsg: 'cloud.callFunction:fail network is down' }
        const result = await postJson(`${emulatorUrl}/fn/${name}`, data, {
          'x-woodpecker-openid': openid,
        })
        callLog.push({ openid, fn: name, action: String((data as { action?: string }).action) })
        return { result, errMsg: 'cloud.callFunction:ok' }
      },
      // Like wx.cloud.uploadFile: the bytes of a local file stored at the cloudPath the app chose.
      uploadFile: (o: {
        cloudPath: string
        filePath: string
        success?: (r: Dict) => void
        fail?: (e: Dict) => void
      }) => {
        const openid = persona
        if (!online) {
          const down = { errMsg: 'cloud.uploadFile:fail network is down' }
          if (!o.success && !o.fail) return Promise.reject(down)
          return void o.fail?.(down)
        }
        const done = postBytes(
          `${emulatorUrl}/_emulator/upload?path=${encodeURIComponent(o.cloudPath)}`,
          readFileSync(o.filePath),
          { 'content-type': 'image/jpeg', 'x-woodpecker-openid': openid },
        ).then((answer) => {
          const { fileID, message } = answer as { fileID?: string; message?: string }
          if (!fileID) throw { errMsg: `cloud.uploadFile:fail ${message}` }
          uploadLog.push({ openid, cloudPath: o.cloudPath, fileID })
          return { fileID, statusCode: 200, errMsg: 'cloud.uploadFile:ok' }
        })
        // Like WeChat: callbacks when given, otherwise a Promise.
        if (!o.success && !o.fail) return done
        done.then(o.success, o.fail)
      },
    },
  }
}

function launchApp(): void {
  if (app) return
  const g = globalThis as Dict
  installWx()
  g.App = (config: Dict) => {
    app = config
  }
  g.getApp = () => app
  g.getCurrentPages = () => []
  g.requirePlugin = () => ({})
  g.Page = (config: Dict) => {
    const methods: Dict = {}
    for (const [k, v] of Object.entries(config)) if (typeof v === 'function') methods[k] = v
    const options = (g.__woodpeckerPageQuery as Dict) ?? {}
    ;(g.Component as (o: Dict) => void)({
      data: config.data ?? {},
      methods,
      lifetimes: {
        attached(this: Dict) {
          this.route = this.route ?? config.route
          ;(config.onLoad as ((o: Dict) => void) | undefined)?.call(this, options)
          ;(config.onShow as (() => void) | undefined)?.call(this)
        },
        ready(this: Dict) {
          ;(config.onReady as (() => void) | undefined)?.call(this)
        },
        detached(this: Dict) {
          ;(config.onUnload as (() => void) | undefined)?.call(this)
        },
      },
    })
  }

  require(join(DIST, 'app.js'))
  const launched = app as Dict | undefined
  ;(launched?.onLaunch as ((o: Dict) => void) | undefined)?.call(launched, {
    path: 'pages/report/index',
    query: {},
  })
  ;(launched?.onShow as ((o: Dict) => void) | undefined)?.call(launched, {
    path: 'pages/report/index',
    query: {},
  })
}

/** Loads and attaches one compiled page (e.g. 'pages/mine/index') with its query. */
export function renderPage(pagePath: string, query: Dict = {}): SimComponent {
  launchApp()
  ;(globalThis as Dict).__woodpeckerPageQuery = query
  const id = simulate.load(join(DIST, pagePath), { compiler: 'official', rootPath: DIST })
  const page = simulate.render(id)
  const parent = document.createElement('parent-wrapper')
  page.attach(parent)
  return page
}

/** Polls until `probe` returns a truthy value; never sleeps a fixed time. */
export async function waitFor<T>(
  probe: () => T | undefined | null | false,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = probe()
    if (value) return value
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((r) => setTimeout(r, 20))
  }
}

/** Text of the first element whose class list contains `className`, or undefined. */
export function textOf(page: SimComponent, className: string): string | undefined {
  const el = page.dom.querySelector(`[class~="${className}"], [class*="${className}"]`)
  return el?.textContent ?? undefined
}
