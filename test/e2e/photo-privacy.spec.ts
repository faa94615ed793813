// Content security as people see it: a photo the platform's check flags is blurred in the browser for
// a plain staff member (and for everyone), with a note saying why.
import { resolve } from 'node:path'
import { expect, open, pickPersona, test } from './helpers'

const PHOTO = resolve(__dirname, 'fixtures', 'hazard.jpg')
const PLAIN = { openid: 'o-staff-2', name: '普通员工（演示）', role: 'staff', label: '普通员工' }

test('a flagged photo is blurred for a plain staff member', async ({ page, baseURL }) => {
  const personas = await (await page.request.get(`${baseURL}/_emulator/personas`)).json()
  await page.request.put(`${baseURL}/_emulator/personas`, {
    data: [...personas.filter((p: { openid: string }) => p.openid !== PLAIN.openid), PLAIN],
  })
  // Every photo uploaded from now on is judged risky by the mediaCheckAsync stand-in.
  await page.request.put(`${baseURL}/_emulator/media-check`, {
    data: { rules: [{ match: 'photos/', suggest: 'risky' }], delayMs: 0 },
  })
  try {
    await open(page, '/pages/report/index?scene=f%3DB07F03')
    await pickPersona(page, /李护士/)
    await expect(page.locator('.privacy-tip-text:visible')).toContainText('患者面部')
    const chooser = page.waitForEvent('filechooser')
    await page.locator('.report-photo-add:visible').first().click()
    await (await chooser).setFiles(PHOTO)
    await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
    await page.locator('.report-category:visible').filter({ hasText: '地面湿滑' }).click()
    await page.locator('.report-submit:visible').click()
    await page.locator('.report-done-view:visible').click()
    await expect(page.locator('.ticket-status:visible')).toHaveText('待受理')
    const route = new URL(page.url()).hash.slice(1)

    await open(page, route)
    await pickPersona(page, /普通员工/)
    await expect
      .poll(
        async () => {
          // The verdict arrives by message push on the emulator clock (manual in these tests).
          await page.request.post(`${baseURL}/_emulator/clock`, { data: { advanceMs: 1000 } })
          await page.reload()
          // Count once the reloaded page has its ticket (not the blank page before the answer).
          await page.locator('.ticket-status:visible').waitFor()
          return page.locator('.photo-badge-flagged:visible').count()
        },
        { timeout: 20_000 },
      )
      .toBe(1)
    await expect(page.locator('.photo-blurred:visible')).toHaveCount(1)
    const blurred = page.locator('.photo-blurred:visible').first()
    expect(await blurred.evaluate((el) => getComputedStyle(el).filter)).toContain('blur')
    await expect(page.locator('.photo-badge-flagged:visible')).toContainText('已模糊')
    await page.screenshot({ path: 'test-results/photo-flagged.png' })
  } finally {
    await page.request.put(`${baseURL}/_emulator/media-check`, { data: { rules: [] } })
  }
})
