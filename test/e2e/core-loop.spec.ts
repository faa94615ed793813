// The whole loop as people do it: a nurse scans the floor's QR and reports with a photo → the
// floor captain gets the push → fixes on the spot with an after-photo → the nurse confirms and rates.
import type { Page } from '@playwright/test'
import { CAMERA_PHOTO } from '../fixtures'
import { consentBanked, expect, open, pickPersona, test, watchRequests } from './helpers'

const PHOTO = CAMERA_PHOTO

async function attachPhoto(page: Page, trigger: string): Promise<void> {
  const chooser = page.waitForEvent('filechooser')
  await page.locator(`${trigger}:visible`).first().click()
  await (await chooser).setFiles(PHOTO)
}

test('report → push to the 层长 → fix on the spot → confirm and rate → 已办结', async ({
  page,
  baseURL,
}) => {
  const outside = watchRequests(page)
  // The captain opens the inbox first: that tap is where WeChat asks for push consent.
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /层长/)
  // The app banks the answer (notify.consent) before the nurse reports.
  const banked = consentBanked(page)
  await page.locator('.inbox-tab-pending:visible').click()
  await banked
  await expect
    .poll(
      async () =>
        (
          await (
            await page.request.get(`${baseURL}/_emulator/consent?openid=demo-floor-captain`)
          ).json()
        ).length,
    )
    .toBeGreaterThan(0)

  // The nurse scans the QR code of 7号楼 3层.
  await open(page, '/pages/report/index?scene=f%3DB07F03')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.floor-header-place:visible')).toContainText('3层')
  await attachPhoto(page, '.report-photo-add')
  await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
  await page.locator('.report-category:visible').filter({ hasText: '消防通道堵塞' }).click()
  await page.locator('.report-submit:visible').click()
  await expect(page.locator('.report-done-title:visible')).toContainText('已上报')

  // The push reached the floor's captain.
  await expect
    .poll(async () =>
      (
        await (
          await page.request.get(`${baseURL}/_emulator/outbox?openid=demo-floor-captain`)
        ).json()
      ).map((m: { status: string }) => m.status),
    )
    .toContain('sent')
  await page.screenshot({ path: 'test-results/report-done.png' })
  await page.locator('.report-done-view:visible').click()
  await expect(page.locator('.ticket-status:visible')).toHaveText('待受理')
  const ticketRoute = new URL(page.url()).hash.slice(1)

  // The captain opens the push and fixes it on the spot with an after-photo.
  await open(page, ticketRoute)
  await pickPersona(page, /层长/)
  await page.locator('.action-fix:visible').click()
  await attachPhoto(page, '.action-photo-add')
  await expect(page.locator('.action-photo-done:visible')).toHaveCount(1)
  await page.locator('.action-submit:visible').click()
  await expect(page.locator('.ticket-status:visible')).toHaveText('立行立改·已办结')

  // The nurse confirms and rates.
  await open(page, ticketRoute)
  await pickPersona(page, /李护士/)
  await page.locator('.action-confirm:visible').click()
  await page.locator('.action-submit:visible').click()
  await expect(page.locator('.ticket-rating:visible')).toHaveText('★★★★★')
  await expect(page.locator('.ticket-status:visible')).toHaveText('立行立改·已办结')
  await expect(page.locator('.timeline-label:visible')).toHaveCount(3)
  await page.screenshot({ path: 'test-results/ticket-done.png', fullPage: true })
  // Nothing the app showed or did left this machine (no CDN pictures, no fonts, no telemetry).
  expect(outside).toEqual([])
})

test('an unknown QR code says so and offers to pick the floor by hand', async ({ page }) => {
  await open(page, '/pages/report/index?scene=f%3DZZZ')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.report-invalid-title:visible')).toHaveText('这个二维码已失效')
  await page
    .locator('.floor-picker-name:visible')
    .filter({ hasText: /^7号楼/ })
    .click()
  await page.locator('.floor-picker-floor:visible').filter({ hasText: '3层' }).click()
  await expect(page.locator('.floor-header-place:visible')).toContainText('3层')
})
