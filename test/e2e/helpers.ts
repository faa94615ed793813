// Acting as a person in the H5 app: pick a persona the way a demo user does, through the bar.
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { test as base, expect, type APIRequestContext, type Page } from '@playwright/test'
import { startE2eBackend } from './backend'

export { expect }

/** The emulator's time now (its clock is still: it moves only when a test moves it). */
export async function emulatorNow(request: APIRequestContext): Promise<number> {
  const res = await request.get('/_emulator/clock')
  return Date.parse(((await res.json()) as { now: string }).now)
}

/**
 * Browser tests' `test`: each page's Date starts at the emulator's time and flows from there, so what
 * a page shows ("today", due dates) never depends on the hour the machine reads. Only Date is
 * shifted (Playwright's page.clock fakes every timer too, and Taro's page transitions stall on it).
 */
export const test = base.extend<object, { backend: { url: string } }>({
  // Each Playwright worker's own seeded backend serving the H5 build (global-setup.ts builds it):
  // the spec files a worker runs share it and move its clock, one after another.
  backend: [
    async ({}, provide) => {
      const { emulator } = await startE2eBackend()
      await provide({ url: emulator.url })
      await emulator.stop()
    },
    { scope: 'worker', timeout: 120_000 },
  ],
  baseURL: async ({ backend }, provide) => provide(backend.url),
  page: async ({ page }, provide) => {
    const offset = (await emulatorNow(page.request)) - Date.now()
    await page.addInitScript((shift: number) => {
      const RealDate = Date
      const now = (): number => RealDate.now() + shift
      function ShiftedDate(this: unknown, ...args: unknown[]): unknown {
        if (!new.target) return new RealDate(now()).toString()
        return Reflect.construct(RealDate, args.length ? args : [now()], new.target)
      }
      Object.setPrototypeOf(ShiftedDate, RealDate)
      ShiftedDate.prototype = RealDate.prototype
      ShiftedDate.now = now
      globalThis.Date = ShiftedDate as unknown as DateConstructor
    }, offset)
    await provide(page)
  },
})

/** Opens a hash route of the app in a fresh document (as when a QR code or a push opens it). */
export async function open(page: Page, route: string): Promise<void> {
  await page.goto('about:blank')
  await page.goto(`/#${route}`)
}

/** Chooses a demo persona through the persona bar. */
export async function pickPersona(page: Page, label: RegExp | string): Promise<void> {
  await page.locator('.dev-persona-current:visible').first().click()
  const option = page.locator('.dev-persona-option:visible').filter({ hasText: label }).first()
  await expect(option).toBeVisible()
  await option.click()
  await expect(page.locator('.dev-persona-name:visible').first()).toContainText(label)
}

/** Records every request a page makes; the test fails if one leaves this machine. */
export function watchRequests(page: Page): string[] {
  const outside: string[] = []
  page.on('request', (req) => {
    const url = new URL(req.url())
    if (['data:', 'blob:', 'about:'].includes(url.protocol)) return
    if (url.hostname !== '127.0.0.1') outside.push(req.url())
  })
  return outside
}

/** Uploads the test photo as `openid` (it lands in an upload slot of theirs); returns its cloud:// id. */
export async function uploadPhoto(
  request: APIRequestContext,
  openid = 'demo-staff',
): Promise<string> {
  const res = await request.post('/_emulator/upload?name=photo.jpg', {
    headers: { 'content-type': 'image/jpeg', 'x-woodpecker-openid': openid },
    data: readFileSync(join(__dirname, 'fixtures', 'hazard.jpg')),
  })
  if (!res.ok()) throw new Error(`upload ${res.status()}`)
  return ((await res.json()) as { fileID: string }).fileID
}

/**
 * Resolves once the app has banked a push consent (notify.consent answered ok): what a tap in
 * 待办 asks WeChat for reaches the server only then, and a report made sooner finds no credit.
 */
export function consentBanked(page: Page): Promise<void> {
  return page
    .waitForResponse(
      (r) =>
        r.url().endsWith('/fn/notify') &&
        (r.request().postDataJSON() as { action?: string } | null)?.action === 'consent',
    )
    .then(async (r) => expect((await r.json()).ok).toBe(true))
}
