// The walkthrough's small things, as a new user meets them in the browser: every page's title
// whole, the reminder banner after 开启提醒, the sticky 提交 bar leaving 展开 in view, and
// 清除筛选 returning to the list the page opened with.
import type { APIRequestContext, Locator, Page } from '@playwright/test'
import { expect, open, pickPersona, test, uploadPhoto } from './helpers'

const SMALL_PHONE = { width: 375, height: 667 }

// Every page with its own title (the pages' index.config.ts), and 待办 as each role names it.
const TITLES: Array<{ route: string; title: string; persona?: RegExp }> = [
  { route: '/pages/report/index', title: '随手拍隐患' },
  { route: '/pages/mine/index', title: '我的' },
  { route: '/pages/ticket/index?id=none', title: '隐患详情' },
  { route: '/pages/evening/index?buildingId=B07', title: '晚间问题清单' },
  { route: '/cockpit/pages/index', title: '安全驾驶舱' },
  { route: '/cockpit/pages/bulletin/index', title: '安全简报' },
  { route: '/admin/pages/index', title: '管理' },
  { route: '/admin/pages/places/index', title: '楼栋与楼层' },
  { route: '/admin/pages/roster/index', title: '值守名册' },
  { route: '/admin/pages/import/index', title: '名册导入导出' },
  { route: '/admin/pages/catalog/index', title: '科室与隐患类别' },
  { route: '/admin/pages/bind/index', title: '绑定员工身份' },
  { route: '/admin/pages/checklists/index', title: '巡查检查表' },
  { route: '/rounds/pages/index', title: '安全巡查' },
  { route: '/rounds/pages/walk/index?id=demo-round-b07-fire', title: '逐层巡查' },
  { route: '/rounds/pages/report/index?id=demo-round-b07-fire', title: '巡查报告' },
  { route: '/safety/pages/unreachable', title: '联系不上的负责人' },
  { route: '/safety/pages/content', title: '内容与账号安全' },
  { route: '/pages/inbox/index', title: '待办 · 我的楼层', persona: /层长/ },
  { route: '/pages/inbox/index', title: '待办 · 全院', persona: /安全办/ },
]

/** Whether `box` is what a tap at its centre reaches (nothing drawn over it). */
async function onTop(box: Locator): Promise<boolean> {
  return box.evaluate((el) => {
    const r = el.getBoundingClientRect()
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2)
    return hit !== null && el.contains(hit)
  })
}

for (const { route, title, persona } of TITLES) {
  test(`the title 「${title}」 is shown whole`, async ({ page }) => {
    await page.setViewportSize(SMALL_PHONE)
    await open(page, route)
    if (persona) await pickPersona(page, persona)
    const shown = page.locator('.taro-navigation-bar-title:visible')
    await expect(shown).toHaveText(title)
    // CJK glyphs are one em wide: the title's box must hold every character at its font size
    // (whatever font the machine has), and nothing may overflow it.
    const fit = await shown.evaluate((el) => {
      const style = getComputedStyle(el)
      const room = style.maxWidth.endsWith('px')
        ? parseFloat(style.maxWidth)
        : el.parentElement!.getBoundingClientRect().width
      return {
        need: (el.textContent ?? '').length * parseFloat(style.fontSize),
        room,
        overflow: el.scrollWidth - el.clientWidth,
      }
    })
    expect(fit.room).toBeGreaterThanOrEqual(fit.need)
    expect(fit.overflow).toBeLessThanOrEqual(0)
    await page.screenshot({ path: `test-results/title-${title.replace(/\W/g, '_')}.png` })
  })
}

/** Reports hazards on the demo captain's floor until a push no longer reaches them. */
async function spendCaptainReminders(request: APIRequestContext, tag: string): Promise<void> {
  const photo = await uploadPhoto(request)
  for (let i = 0; i < 40; i++) {
    const res = await request.post('/fn/ticket', {
      headers: { 'x-woodpecker-openid': 'demo-staff' },
      data: {
        action: 'create',
        input: {
          clientKey: `walk-${tag}-${Date.now()}-${i}`,
          floorId: 'B07F03',
          categoryId: 'wet-floor',
          photos: [i === 0 ? photo : await uploadPhoto(request)],
        },
      },
    })
    const body = (await res.json()) as { ok: boolean; data: { id: string } }
    expect(body.ok).toBe(true)
    // As the app does: the report answers with its push pending; the follow-up call sends it.
    const followed = await request.post('/fn/ticket', {
      headers: { 'x-woodpecker-openid': 'demo-staff' },
      data: { action: 'follow', input: { id: body.data.id } },
    })
    const view = (await followed.json()) as { ok: boolean; data: { reach: Array<{ ok: boolean }> } }
    expect(view.ok).toBe(true)
    if (!view.data.reach[0]?.ok) return
  }
  throw new Error('the captain kept being reached')
}

/** Opens 待办 as the demo 层长, whose reminders are all spent. */
async function captainOutOfReminders(page: Page, tag: string): Promise<void> {
  await spendCaptainReminders(page.request, tag)
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /层长/)
  await expect(page.locator('.reach-top-up:visible')).toBeVisible()
}

test('after 开启提醒 the banner says reminders are on, in green, with the count just granted', async ({
  page,
}) => {
  await captainOutOfReminders(page, 'grant')
  await page.locator('.reach-top-up:visible').click()
  const granted = page.locator('.reach-granted:visible')
  await expect(granted).toContainText('提醒已开启，还可接收 1 次提醒')
  await expect(page.locator('.reach-banner.badge-banner:visible')).toHaveCount(0)
  expect(await granted.evaluate((el) => getComputedStyle(el).backgroundColor)).toBe(
    'rgb(230, 244, 241)',
  )
  await page.screenshot({ path: 'test-results/reach-granted.png' })
  // Read again from the server, the count stands and nothing claims to be used up.
  await page.reload()
  await pickPersona(page, /层长/)
  await expect(page.locator('.reach-count:visible')).toContainText('还可接收 1 次提醒')
  await expect(page.locator('.reach-banner.badge-banner:visible')).toHaveCount(0)
})

test('a captain who refuses 开启提醒 is told nothing was turned on', async ({ page }) => {
  await captainOutOfReminders(page, 'refuse')
  // The user taps 取消 in the consent sheet: the platform stand-in answers every template 'reject'.
  await page.route('**/_emulator/consent', async (route) => {
    const body = route.request().postDataJSON() as { templateIds: string[] }
    await route.continue({ postData: JSON.stringify({ ...body, reject: body.templateIds }) })
  })
  await page.locator('.reach-top-up:visible').click()
  await expect(page.locator('.reach-refused:visible')).toContainText(
    '没有开启提醒：新隐患不会通过微信提醒你',
  )
  await expect(page.locator('.reach-granted')).toHaveCount(0)
  await page.screenshot({ path: 'test-results/reach-refused.png' })
})

test('on a small phone the sticky 提交 bar hides neither 展开 nor the details it opens', async ({
  page,
}) => {
  await page.setViewportSize(SMALL_PHONE)
  await open(page, '/pages/report/index?scene=f%3DB07F03')
  await pickPersona(page, /上报人/)
  const toggle = page.locator('.report-details-toggle:visible')
  await expect(toggle).toContainText('展开')
  // In view on the first screen, and nothing drawn over it.
  await expect(toggle).toBeInViewport()
  expect(await onTop(toggle)).toBe(true)
  const submit = await page.locator('.report-submit:visible').boundingBox()
  const toggleBox = (await toggle.boundingBox())!
  expect(toggleBox.y + toggleBox.height).toBeLessThanOrEqual(submit!.y)
  await page.screenshot({ path: 'test-results/report-small-phone.png' })

  await toggle.click()
  await expect(toggle).toContainText('收起')
  for (const part of ['.report-description', '.report-spot', '.report-anonymous']) {
    const control = page.locator(`.report-details ${part}:visible`)
    await expect(control).toBeInViewport({ ratio: 1 })
    await expect.poll(() => onTop(control)).toBe(true)
  }
  await page.screenshot({ path: 'test-results/report-small-phone-details.png' })
})

test('清除筛选 returns every filter to the list the page opened with', async ({ page }) => {
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /安全办/)
  const total = page.locator('.list-total:visible')
  await expect(total).toBeVisible()
  const opening = await total.textContent()
  const status = page.locator('.filter-status:visible')
  await expect(status).toContainText('未办结')
  // The opening list is not a filter the user set: nothing to clear yet.
  await expect(page.locator('.filter-clear:visible')).toHaveCount(0)

  await page.locator('.filter-search-input:visible input').fill('输液架')
  await page.locator('.filter-search-go:visible').click()
  await page.locator('.filter-overdue:visible').click()
  await expect(page.locator('.filter-overdue:visible')).toHaveClass(/filter-chip-on/)
  await expect(total).toHaveText('共 0 条')

  await page.locator('.filter-clear:visible').click()
  await expect(status).toContainText('未办结')
  await expect(page.locator('.filter-overdue:visible')).not.toHaveClass(/filter-chip-on/)
  for (const chip of ['.filter-building', '.filter-category', '.filter-level'])
    await expect(page.locator(`${chip}:visible`)).not.toHaveClass(/filter-chip-on/)
  await expect(page.locator('.filter-floor:visible')).toHaveCount(0)
  await expect(page.locator('.filter-search-input:visible input')).toHaveValue('')
  await expect(page.locator('.filter-clear:visible')).toHaveCount(0)
  await expect(total).toHaveText(opening!)
})
