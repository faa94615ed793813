// Setting a floor up in the browser: the safety office hands 7号楼 1层 to a new 层长 and issues an
// invite; the newcomer redeems it; the next hazard on that floor reaches the new 层长, not the old.
import { existsSync } from 'node:fs'
import { resolve } from 'node:path'
import type { Page } from '@playwright/test'
import { consentBanked, expect, open, pickPersona, test } from './helpers'

const PHOTO = resolve(__dirname, 'fixtures', 'hazard.jpg')

async function outbox(page: Page, baseURL: string | undefined, openid: string) {
  const res = await page.request.get(`${baseURL}/_emulator/outbox?openid=${openid}`)
  return (await res.json()) as Array<{ status: string }>
}

test('admin invites a new 层长, who binds and receives the next hazard on the floor', async ({
  page,
  baseURL,
}) => {
  expect(existsSync(PHOTO)).toBe(true)
  // The safety office appoints the newcomer as 层长 of 7号楼 1层 (handing over from the old one).
  await open(page, '/admin/pages/roster/index?buildingId=B07')
  await pickPersona(page, /安全办/)
  await expect(page.locator('.roster-duty:visible').first()).toBeVisible()
  await page.setViewportSize({ width: 1280, height: 900 })
  await expect(page.locator('.roster-floor:visible')).toContainText('1层')
  await page.locator('.roster-person-name:visible input').fill('周新来')
  await page.locator('.roster-person-phone:visible input').fill('13900001111')
  await page.locator('.roster-assign-submit:visible').click()
  await expect(page.locator('.roster-notice:visible')).toContainText('已接任')
  // The emulator's clock is manual in browser tests: a minute passes before anyone looks again.
  const moved = await page.request.post(`${baseURL}/_emulator/clock`, {
    data: { advanceMs: 60_000 },
  })
  expect(moved.ok()).toBe(true)
  await open(page, '/admin/pages/roster/index?buildingId=B07')
  const row = page.locator('.roster-duty:visible').filter({ hasText: '周新来' })
  await expect(row).toContainText('未绑定')
  await page.screenshot({ path: 'test-results/admin-roster-desktop.png', fullPage: true })
  await row.locator('.roster-invite-btn').click()
  const code = (await page.locator('.roster-invite-code:visible').innerText()).trim()
  expect(code).toMatch(/^\d{6}$/)
  await expect(
    page.locator('.roster-invite img:visible, .roster-invite .admin-qr:visible').first(),
  ).toBeVisible()

  // The newcomer opens the invite and binds their WeChat identity.
  await page.setViewportSize({ width: 390, height: 844 })
  await open(page, '/admin/pages/bind/index')
  await pickPersona(page, /新员工/)
  await page.locator('.bind-code:visible input').fill(code)
  await page.locator('.bind-submit:visible').click()
  await expect(page.locator('.bind-done:visible')).toContainText('周新来')

  // The new captain opens 待办 (where WeChat asks for push consent); the app banks the answer
  // (notify.consent) before anyone reports, so the next hazard's push can be sent.
  const banked = consentBanked(page)
  await open(page, '/pages/inbox/index')
  await page.locator('.inbox-tab-pending:visible').click()
  await banked
  await expect
    .poll(
      async () =>
        (await (await page.request.get(`${baseURL}/_emulator/consent?openid=demo-newcomer`)).json())
          .length,
    )
    .toBeGreaterThan(0)

  // A nurse reports an urgent hazard on 7号楼 1层 (urgent: pushed even in quiet hours).
  const oldCaptainBefore = (await outbox(page, baseURL, 'o-fc-B07F01')).length
  await open(page, '/pages/report/index?scene=f%3DB07F01')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.floor-header-place:visible')).toContainText('1层')
  await expect(page.locator('.floor-header:visible')).toContainText('周新来')
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.report-photo-add:visible').first().click()
  await (await chooser).setFiles(PHOTO)
  await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
  await page.locator('.report-category:visible').filter({ hasText: '电气线路' }).click()
  await page.locator('.report-submit:visible').click()
  await expect(page.locator('.report-done-title:visible')).toContainText('已上报')
  await expect(page.locator('.report-done:visible')).toContainText('周新来')

  await expect
    .poll(async () => (await outbox(page, baseURL, 'demo-newcomer')).map((m) => m.status))
    .toContain('sent')
  expect((await outbox(page, baseURL, 'o-fc-B07F01')).length).toBe(oldCaptainBefore)
})

test('a retired floor’s QR code says it is no longer valid and offers the floor picker', async ({
  page,
}) => {
  await open(page, '/admin/pages/places/index')
  await pickPersona(page, /楼长/)
  await page.locator('.places-building-name:visible').first().click()
  const floor = page.locator('.places-floor-B07F07:visible')
  await floor.locator('.places-floor-retire').click()
  await expect(page.locator('.places-notice:visible')).toContainText('已停用')
  await open(page, '/pages/report/index?scene=f%3DB07F07')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.report-invalid-title:visible')).toHaveText('这个二维码已失效')
  await expect(page.locator('.floor-picker:visible')).toBeVisible()
})
