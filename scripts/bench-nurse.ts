// The nurse's path as a person lives it, in Chromium on the H5 build with a phone profile: open the
// floor's QR link cold → report page interactive; photo chosen → upload done; tap 提交 → success.
// Each step's median over several runs, on a throttled mobile network (DevTools protocol: 150 ms
// round trip, 1.6 Mbit/s up, 9 Mbit/s down) beside the same path unthrottled.
import { execSync } from 'node:child_process'
import { join, resolve } from 'node:path'
import { chromium, type Browser } from '@playwright/test'
import { buildFunctions } from './build-functions'
import { isStale } from './lib/freshness'
import { DEMO_SCENE } from './seed/hospital'
import { startSeededEmulator } from './lib/seeded-emulator'
import { CAMERA_PHOTO } from '../test/fixtures'

const ROOT = resolve(__dirname, '..')
const PHOTO = CAMERA_PHOTO
const RUNS = Number(process.env.BENCH_NURSE_RUNS ?? 5)

/** A mid-range phone as DevTools describes one. */
const PHONE = {
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 3,
  isMobile: true,
  hasTouch: true,
  userAgent:
    'Mozilla/5.0 (Linux; Android 13; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.0.0 Mobile Safari/537.36',
  locale: 'zh-CN',
  timezoneId: 'Asia/Shanghai',
}

/** 150 ms round trip, 1.6 Mbit/s up, 9 Mbit/s down (bytes per second for the protocol). */
const MOBILE_NETWORK = {
  offline: false,
  latency: 150,
  uploadThroughput: (1.6 * 1_000_000) / 8,
  downloadThroughput: (9 * 1_000_000) / 8,
}

/** How a run's phone is held back: nothing, the mobile network, or the network and a 4× slower CPU. */
type Profile = 'fast' | 'mobile' | 'phone'

interface Run {
  qrToInteractive: number
  /** Bytes the QR link moved over the network (as sent: compressed) before the page was interactive. */
  qrBytes: number
  photoToUploaded: number
  submitToSuccess: number
}

async function onePath(browser: Browser, url: string, profile: Profile, i: number): Promise<Run> {
  // A fresh context is a cold start: no cache, no storage but the persona this phone belongs to.
  const context = await browser.newContext(PHONE)
  await context.addInitScript(() =>
    localStorage.setItem('woodpecker.persona', JSON.stringify({ data: 'demo-staff' })),
  )
  // The moment the page is interactive, as the page itself sees it: the first frame in which the
  // camera tile is laid out and every category is there (wall-clock ms). The page reports it through
  // a binding installed before it opens: asking for it with an evaluation, or polling from here,
  // would run Playwright's scripts on the 4×-throttled page while it is still starting.
  let reportInteractive: (at: number) => void = () => undefined
  const interactive = new Promise<number>((resolve) => (reportInteractive = resolve))
  await context.exposeFunction('__woodpeckerInteractive', (at: number) => reportInteractive(at))
  await context.addInitScript({
    content: `(() => {
      const observer = new MutationObserver(() => {
        if (document.querySelectorAll('.report-category').length < 12) return
        const tile = document.querySelector('.report-photo-add')
        if (!tile || tile.getBoundingClientRect().height === 0) return
        observer.disconnect()
        requestAnimationFrame(() => window.__woodpeckerInteractive(performance.timeOrigin + performance.now()))
      })
      observer.observe(document, { subtree: true, childList: true, attributes: true })
    })()`,
  })
  const page = await context.newPage()
  const cdp = await context.newCDPSession(page)
  await cdp.send('Network.enable')
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true })
  if (profile !== 'fast') await cdp.send('Network.emulateNetworkConditions', MOBILE_NETWORK)
  // A mid-range Android phone: DevTools' 4× CPU slowdown.
  if (profile === 'phone') await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 })

  let bytes = 0
  cdp.on('Network.loadingFinished', (e: { encodedDataLength: number }) => {
    bytes += e.encodedDataLength
  })
  const opened = Date.now()
  await page.goto(`${url}/#/pages/report/index?scene=${encodeURIComponent(DEMO_SCENE)}`)
  // Interactive: the camera tile and every category can be tapped.
  const interactiveAt = await interactive
  const qrBytes = bytes

  // On a phone, H5 asks 拍摄 / 从相册选择 first, as WeChat does.
  await page.locator('.report-photo-add').first().tap()
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.taro-actionsheet__cell').filter({ hasText: '从相册选择' }).tap()
  const fileChooser = await chooser
  const t2 = performance.now()
  await fileChooser.setFiles(PHOTO)
  await page.locator('.report-photo-img').first().waitFor({ state: 'visible', timeout: 60_000 })
  await page.waitForFunction(() => !document.body.textContent?.includes('上传中'), {
    timeout: 60_000,
  })
  const t3 = performance.now()

  await page
    .locator('.report-category')
    .nth(i % 12)
    .click()
  const t4 = performance.now()
  if (process.env.BENCH_NURSE_TRACE)
    page.on('requestfinished', (r) =>
      console.log(
        `    ${Math.round(performance.now() - t4)} ms after tap: ${r.method()} ${r.url().replace(url, '')} ${r.postData()?.slice(0, 40) ?? ''} took ${Math.round(r.timing().responseEnd)} ms`,
      ),
    )
  await page.locator('.report-submit').first().tap()
  await page.locator('.report-done-title').first().waitFor({ state: 'visible', timeout: 60_000 })
  const t5 = performance.now()
  await context.close()
  return {
    qrToInteractive: interactiveAt - opened,
    qrBytes,
    photoToUploaded: t3 - t2,
    submitToSuccess: t5 - t4,
  }
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b)
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2
}
const ms = (x: number): string => `${Math.round(x)} ms`.padStart(8)

/** Whether this machine has a font for the character `hex` (a phone has one for every row here). */
function hasFontFor(hex: string): boolean {
  try {
    return execSync(`fc-list :charset=${hex} family`, { encoding: 'utf8' }).trim() !== ''
  } catch {
    return false
  }
}

/** Runs the nurse's path RUNS times throttled and unthrottled, and prints the medians. */
export async function benchNursePath(): Promise<void> {
  const sources = ['src', 'types', 'config', 'babel.config.js'].map((d) => join(ROOT, d))
  if (isStale(join(ROOT, 'dist-h5', 'index.html'), sources))
    execSync('npx taro build --type h5', {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'inherit'],
      env: { ...process.env, NODE_ENV: 'production' },
    })
  await buildFunctions({ quiet: true })
  const { emulator: emu } = await startSeededEmulator({ staticDir: join(ROOT, 'dist-h5') })
  // The floor captain has consented to pushes (as the README's walkthrough has them do first), so
  // each report is pushed to them rather than climbing the ladder.
  const post = (path: string, openid: string, body: unknown) =>
    fetch(`${emu.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-woodpecker-openid': openid },
      body: JSON.stringify(body),
    })
  for (let i = 0; i < 2 * RUNS + 2; i++) {
    await post('/_emulator/consent', '', {
      openid: 'demo-floor-captain',
      templateIds: ['woodpecker-hazard-assigned'],
    })
    await post('/fn/notify', 'demo-floor-captain', {
      action: 'consent',
      input: {
        results: { 'woodpecker-hazard-assigned': 'accept' },
        requestKey: `bench-nurse-consent-${i}-${Date.now()}`,
      },
    })
  }
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  })
  try {
    // One warm-up so the functions' workers exist, as they would on a live environment.
    await onePath(browser, emu.url, 'fast', 0)
    const results: Record<Profile, Run[]> = { phone: [], mobile: [], fast: [] }
    for (let i = 0; i < RUNS; i++)
      for (const profile of ['phone', 'mobile', 'fast'] as const)
        results[profile].push(await onePath(browser, emu.url, profile, i))
    const row = (label: string, key: keyof Run, goal: string) =>
      console.log(
        `  ${label.padEnd(30)} ${(['phone', 'mobile', 'fast'] as const).map((p) => ms(median(results[p].map((r) => r[key])))).join('   ')}   ${goal}`,
      )
    console.log(
      `\nnurse's path in Chromium (H5 build, phone profile), median of ${RUNS} runs — photo: the 4000×3000 camera JPEG`,
    )
    console.log(`  ${''.padEnd(30)}  4G+4×CPU*  4G*     unthrottled   goal (4G + 4× CPU)`)
    row('QR link cold → interactive', 'qrToInteractive', '≤ 2 s')
    console.log(
      `  ${'  … bytes moved until then'.padEnd(30)} ${(['phone', 'mobile', 'fast'] as const).map((p) => `${Math.round(median(results[p].map((r) => r.qrBytes)) / 1024)} KB`.padStart(8)).join('   ')}`,
    )
    row('photo chosen → upload done', 'photoToUploaded', '')
    row('tap 提交 → success screen', 'submitToSuccess', '≤ 1 s')
    console.log(
      '  * DevTools network: 150 ms RTT, 1.6 Mbit/s up, 9 Mbit/s down, cache disabled; 4× CPU: DevTools CPU throttling',
    )
    // The categories' icons are emoji and the page is Chinese: without a font for them, Chromium
    // searches every font for each character on every layout, which a phone never does.
    const missing = [
      ['Chinese', '4e2d'],
      ['emoji', '1f4a7'],
    ].filter(([, hex]) => !hasFontFor(hex))
    if (missing.length)
      console.log(
        `  ! no ${missing.map(([name]) => name).join(' or ')} font on this machine, so the figures above are slower than a phone's: apt-get install -y fonts-noto-cjk fonts-noto-color-emoji`,
      )
  } finally {
    await browser.close()
    await emu.stop()
  }
}

if (require.main === module)
  benchNursePath().catch((error: unknown) => {
    console.error(error)
    process.exit(1)
  })
