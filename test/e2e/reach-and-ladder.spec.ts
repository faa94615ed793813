// The README's own order (the nurse reports before the captain ever allowed reminders) and time
// moving work up the ladder, as people see them in the browser.
import type { APIRequestContext, Page } from '@playwright/test'
import { expect, open, pickPersona, test, uploadPhoto } from './helpers'

async function report(
  request: APIRequestContext,
  floorId: string,
  key: string,
  description?: string,
) {
  const res = await request.post('/fn/ticket', {
    headers: { 'x-woodpecker-openid': 'demo-staff' },
    data: {
      action: 'create',
      input: {
        clientKey: key,
        floorId,
        categoryId: 'wet-floor',
        photos: [await uploadPhoto(request)],
        ...(description ? { description } : {}),
      },
    },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${body.code} ${body.message}`)
  return body.data as { id: string; level: number; reach: Array<{ text: string; ok: boolean }> }
}

/** What the app does right after a report: follows its pending push and answers how it ended. */
async function follow(request: APIRequestContext, id: string) {
  const res = await request.post('/fn/ticket', {
    headers: { 'x-woodpecker-openid': 'demo-staff' },
    data: { action: 'follow', input: { id } },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${body.code} ${body.message}`)
  return body.data as { reach: Array<{ text: string; ok: boolean; pending: boolean }> }
}

/** The nurse reports 地面湿滑 with a photo on the floor's QR page, up to the success screen. */
async function reportInPage(page: Page, floorId: string): Promise<void> {
  await open(page, `/pages/report/index?scene=${encodeURIComponent(`f=${floorId}`)}`)
  await pickPersona(page, /李护士/)
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.report-photo-add:visible').first().click()
  await (await chooser).setFiles(`${__dirname}/fixtures/hazard.jpg`)
  await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
  await page.locator('.report-category:visible').filter({ hasText: '地面湿滑' }).click()
  await page.locator('.report-submit:visible').click()
  await expect(page.locator('.report-done-title:visible')).toContainText('已上报')
}

test('reporting before the captain allowed reminders: the hazard stays with the 层长, the nurse is told the truth, the captain is offered the top-up', async ({
  page,
  request,
}) => {
  // Whatever reminders the demo captain banked in earlier tests are spent first.
  for (let i = 0; i < 6; i++) {
    const t = await report(request, 'B07F03', `drain-${Date.now()}-${i}`)
    if (!(await follow(request, t.id)).reach[0]?.ok) break
  }
  await reportInPage(page, 'B07F03')
  const truth = page.locator('.report-reach:visible')
  await expect(truth).toHaveText(
    /^层长暂未开启提醒，已同时通知 \S+ \S+$|^层长 \S+ 暂未开启提醒，已送达 安全办看板$/,
  )
  await expect(page.locator('.report-done:visible')).toContainText('由 层长')
  await page.screenshot({ path: 'test-results/readme-order-report-done.png' })

  await open(page, '/pages/inbox/index')
  await pickPersona(page, /层长/)
  const topUp = page.locator('.reach-top-up:visible').first()
  await expect(topUp).toBeVisible()
  await page.screenshot({ path: 'test-results/readme-order-captain-banner.png' })
  await topUp.click()
  await expect(page.locator('.reach-count:visible')).toContainText(/还可接收 1 次提醒/)
})

test('a report left alone climbs to the 协管员 when time passes, and the 协管员 sees why', async ({
  page,
  request,
}) => {
  // Its own words find it in the inbox: other open hazards of the building may climb in the same
  // two hours (from 协管员 to 楼长), and the 协管员 sees those too.
  const words = `楼梯口积水 ${Date.now() % 1_000_000}`
  const t = await report(request, 'B07F06', `ladder-${Date.now()}`, words)
  expect(t.level).toBe(0)
  const moved = await request.post('/_emulator/clock', { data: { advanceMs: 125 * 60_000 } })
  expect(moved.ok()).toBe(true)
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /协管员/)
  const row = page.locator('.ticket-item:visible').filter({ hasText: words })
  await expect(row.locator('.ticket-item-escalation')).toContainText(
    /超时 12\d 分钟未受理（由 层长 \S+ 升级至 协管员 \S+）/,
  )
  await page.screenshot({ path: 'test-results/ladder-coordinator-inbox.png' })
  await row.click()
  await expect(page.locator('.ticket-status:visible')).toHaveText('待受理')
  await expect(page.locator('.ticket-due:visible')).toContainText('受理')
})

test('the success screen says 正在通知… until the follow-up call answers, then how the push ended', async ({
  page,
}) => {
  // The follow-up call is held until the pending line has been seen.
  let release: () => void = () => undefined
  const held = new Promise<void>((resolve) => (release = resolve))
  let followed = 0
  await page.route('**/fn/ticket', async (route) => {
    const body = route.request().postDataJSON() as { action?: string } | null
    if (body?.action === 'follow') {
      followed++
      await held
    }
    await route.continue()
  })
  await reportInPage(page, 'B07F04')
  const line = page.locator('.report-reach:visible')
  await expect(line).toHaveText(/^正在通知 .+…$/)
  await expect.poll(() => followed).toBeGreaterThan(0)
  release()
  await expect(line).not.toContainText('正在通知')
  await expect(line).toHaveText(/已推送给|暂未开启提醒|失败|已送达/)
})
