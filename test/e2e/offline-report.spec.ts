// A stairwell without signal: the photo is kept in the browser (IndexedDB) and waits as 待上传; 提交
// queues the report ("已保存，联网后自动上报"); when the network returns it is sent — exactly one
// ticket, with that photo — and the queue outlives the page that made it.
import type { APIRequestContext, Page } from '@playwright/test'
import { CAMERA_PHOTO } from '../fixtures'
import { expect, open, pickPersona, test } from './helpers'

const NURSE = 'demo-staff'

type Summary = { id: string; photos: string[]; thumbUrl: string | null; floorId: string }

async function myTickets(request: APIRequestContext): Promise<Summary[]> {
  const res = await request.post('/fn/ticket', {
    headers: { 'x-woodpecker-openid': NURSE },
    data: { action: 'mine', input: { limit: 50 } },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`mine: ${body.code} ${body.message}`)
  return body.data.items
}

/** Opens the floor's QR page as the nurse and, once it is up, cuts the network. */
async function reportOffline(page: Page, scene: string): Promise<void> {
  await open(page, `/pages/report/index?scene=${encodeURIComponent(`f=${scene}`)}`)
  await pickPersona(page, /李护士/)
  await expect(page.locator('.report-category:visible').first()).toBeVisible()
  await page.context().setOffline(true)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.report-photo-add:visible').first().click()
  await (await chooser).setFiles(CAMERA_PHOTO)
  await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
  await expect(page.locator('.report-photo-pending:visible')).toHaveText('待上传')
  await expect(page.locator('.report-error:visible')).toHaveCount(0)
  await page.locator('.report-category:visible').filter({ hasText: '消防通道堵塞' }).click()
  await page.locator('.report-submit:visible').click()
  await expect(page.locator('.report-queued-title:visible')).toHaveText('已保存，联网后自动上报')
  await expect(page.locator('.report-done-title:visible')).toHaveCount(0)
}

/** The tickets made since `before`, once the server has `count` of them. */
async function freshTickets(
  request: APIRequestContext,
  before: Set<string>,
  count: number,
): Promise<Summary[]> {
  let fresh: Summary[] = []
  await expect
    .poll(async () => {
      fresh = (await myTickets(request)).filter((t) => !before.has(t.id))
      return fresh.length
    })
    .toBe(count)
  return fresh
}

test('offline: photo, category, 提交 → 已保存; back online → exactly one ticket with that photo', async ({
  page,
  request,
}) => {
  const before = new Set((await myTickets(request)).map((t) => t.id))
  await reportOffline(page, 'B07F05')
  // Nothing reached the server while offline.
  expect((await myTickets(request)).filter((t) => !before.has(t.id))).toEqual([])

  await page.context().setOffline(false)
  // 已上报 only once the server has accepted it.
  await expect(page.locator('.report-done-title:visible')).toContainText('已上报')
  const [ticket] = await freshTickets(request, before, 1)
  expect(ticket.floorId).toBe('B07F05')
  expect(ticket.photos).toHaveLength(1)
  const picture = await request.get(ticket.thumbUrl!)
  expect(picture.ok()).toBe(true)
  expect(picture.headers()['content-type']).toContain('image/jpeg')

  // The network dropping and returning again sends nothing more.
  await page.context().setOffline(true)
  await page.context().setOffline(false)
  await open(page, '/pages/mine/index')
  await expect(page.locator('.ticket-item:visible').first()).toBeVisible()
  await expect(page.locator('.mine-queued:visible')).toHaveCount(0)
  expect((await myTickets(request)).filter((t) => !before.has(t.id))).toHaveLength(1)
})

test('a queued report outlives its page: the next start of the app sends it', async ({
  page,
  request,
}) => {
  const before = new Set((await myTickets(request)).map((t) => t.id))
  await reportOffline(page, 'B07F04')
  // The phone closes the app while still offline; it opens again with signal.
  await page.goto('about:blank')
  await page.context().setOffline(false)
  expect((await myTickets(request)).filter((t) => !before.has(t.id))).toEqual([])
  await open(page, '/pages/mine/index')
  const [ticket] = await freshTickets(request, before, 1)
  expect(ticket.floorId).toBe('B07F04')
  expect(ticket.photos).toHaveLength(1)
  await expect(page.locator('.mine-queued:visible')).toHaveCount(0)
})

test('a photo taken offline uploads by itself when the network returns; a reload shows it as a picture', async ({
  page,
}) => {
  await open(page, '/pages/report/index?scene=f%3DB07F02')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.report-category:visible').first()).toBeVisible()
  await page.context().setOffline(true)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.report-photo-add:visible').first().click()
  await (await chooser).setFiles(CAMERA_PHOTO)
  await expect(page.locator('.report-photo-pending:visible')).toHaveText('待上传')
  await page.context().setOffline(false)
  await expect(page.locator('.report-photo-pending:visible')).toHaveCount(0)

  // The draft comes back with its picture from the device, never a cloud:// id the page cannot draw.
  await page.reload()
  await expect(page.locator('.report-restored:visible')).toBeVisible()
  const img = page.locator('.report-photo-img:visible img, img.report-photo-img:visible').first()
  await expect(img).toHaveAttribute('src', /^blob:/)
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0)
  await expect(page.locator('.report-photo-pending:visible')).toHaveCount(0)
})
