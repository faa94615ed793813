// Each role's 待办 and the report page on a phone (390×844), with five hazards open on the floor.
// Screenshots are kept in test-results/ as artifacts; what matters is asserted from element boxes.
// Every request the app makes stays on 127.0.0.1.
import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import type { APIRequestContext } from '@playwright/test'
import { expect, open, pickPersona, test, watchRequests } from './helpers'

const PHOTO = resolve(__dirname, 'fixtures', 'hazard.jpg')
const FLOOR = 'B07F02'
const SCENE = `f%3D${FLOOR}`
const VIEWPORT = { width: 390, height: 844 }

async function fn(
  request: APIRequestContext,
  baseURL: string,
  openid: string,
  name: string,
  action: string,
  input: unknown,
) {
  const res = await request.post(`${baseURL}/fn/${name}`, {
    headers: { 'x-woodpecker-openid': openid },
    data: { action, input },
  })
  const body = (await res.json()) as { ok: boolean; data?: { id: string }; message?: string }
  if (!body.ok) throw new Error(`${name}.${action}: ${body.message}`)
  return body.data!
}

test.describe.configure({ mode: 'serial' })

test.beforeAll(async ({ request, baseURL }) => {
  // Five hazards open on 7号楼 2层, each with a real photo (so the list shows thumbnails).
  for (let i = 0; i < 5; i++) {
    // Each reporter attaches a photo of their own upload (a ticket accepts no one else's).
    const reporter = i % 2 ? 'o-staff-2' : 'o-staff-3'
    const up = await request.post(`${baseURL}/_emulator/upload?name=hazard.jpg`, {
      headers: { 'content-type': 'image/jpeg', 'x-woodpecker-openid': reporter },
      data: readFileSync(PHOTO),
    })
    const { fileID } = (await up.json()) as { fileID: string }
    await fn(request, baseURL!, reporter, 'ticket', 'create', {
      clientKey: `e2e-roles-${i}-abcdefgh`,
      floorId: FLOOR,
      categoryId: ['fire-exit', 'electrical', 'wet-floor', 'elevator', 'security'][i],
      photos: [fileID],
      description:
        i === 0
          ? '走廊东侧消防通道堆放了大量纸箱和废弃的输液架，已经挡住了安全出口的一半，夜间照明也不足，病人家属经常从这里经过，存在很大的安全隐患，请尽快处理。'
          : `隐患 ${i + 1}`,
    })
  }
})

test('the report page keeps the camera and the submit button on the first screen with five open hazards', async ({
  page,
}) => {
  const outside = watchRequests(page)
  await page.setViewportSize(VIEWPORT)
  await open(page, `/pages/report/index?scene=${SCENE}`)
  await pickPersona(page, /李护士/)
  await expect(page.locator('.open-hazards-count:visible')).toHaveText('本层有 5 条未处理隐患')
  const camera = page.locator('.report-photo-add:visible')
  await expect(camera).toBeVisible()
  await page.screenshot({ path: 'test-results/report-five-open.png' })
  const within = async (selector: string) => {
    const box = (await page.locator(selector).first().boundingBox())!
    expect({ selector, top: box.y >= 0, bottom: box.y + box.height <= VIEWPORT.height }).toEqual({
      selector,
      top: true,
      bottom: true,
    })
  }
  await within('.report-photo-add:visible')
  await within('.report-submit:visible')

  // After the photo and the category, 提交 is still reachable without scrolling.
  const chooser = page.waitForEvent('filechooser')
  await camera.click()
  await (await chooser).setFiles(PHOTO)
  await expect(page.locator('.report-photo-img:visible')).toHaveCount(1)
  await page.locator('.report-category:visible').filter({ hasText: '电梯' }).click()
  await within('.report-submit:visible')

  // The counter is live and nothing is cut silently.
  await page.locator('.report-details-toggle:visible').click()
  await page.locator('.report-description:visible textarea').fill('电梯按钮失灵'.repeat(6))
  await expect(page.locator('.report-counter:visible').first()).toHaveText('36/200')
  await page.locator('.report-description:visible textarea').fill('长'.repeat(230))
  await expect(page.locator('.report-counter:visible').first()).toHaveText('230/200')
  await page.locator('.report-submit:visible').click()
  await expect(page.locator('.report-error:visible')).toContainText('现在 230 字')

  // The draft survives a reload: the photo shows and the notice sits on its own line.
  await page.reload()
  await expect(page.locator('.report-restored:visible')).toContainText('已恢复上次未提交的草稿')
  const img = page.locator('.report-photo-img:visible img').first()
  await expect
    .poll(() => img.evaluate((el) => (el as HTMLImageElement).naturalWidth))
    .toBeGreaterThan(0)
  const notice = (await page.locator('.report-restored:visible').boundingBox())!
  const title = (await page.locator('.report-form .section-title:visible').first().boundingBox())!
  expect(title.y).toBeGreaterThanOrEqual(notice.y + notice.height - 1)
  await page.screenshot({ path: 'test-results/report-draft-restored.png' })

  // The open hazards unfold, two lines of text at most each.
  await page.locator('.open-hazards-summary:visible').click()
  await expect(page.locator('.open-hazard:visible')).toHaveCount(5)
  const desc = page.locator('.open-hazard-desc:visible').filter({ hasText: '消防通道' })
  const lineHeight = await desc.evaluate((el) => parseFloat(getComputedStyle(el).lineHeight))
  expect((await desc.boundingBox())!.height).toBeLessThanOrEqual(lineHeight * 2 + 1)
  expect(outside).toEqual([])
})

const ROLES: Array<{
  persona: RegExp
  file: string
  kind: string
  tabs: string[]
  rows: number
}> = [
  {
    persona: /李护士/,
    file: 'reporter',
    kind: 'reporter',
    tabs: ['待我确认', '全部上报'],
    rows: 0,
  },
  {
    persona: /层长 · 7号楼3层/,
    file: 'floor-captain',
    kind: 'floor',
    tabs: ['待受理', '处理中', '限期整改中', '待复核', '已办结'],
    rows: -1,
  },
  {
    persona: /协管员/,
    file: 'coordinator',
    kind: 'building',
    tabs: ['本楼待办', '已办结'],
    rows: 5,
  },
  {
    persona: /楼长/,
    file: 'building-captain',
    kind: 'building',
    tabs: ['本楼待办', '已办结'],
    rows: 5,
  },
  {
    persona: /安全办/,
    file: 'safety-office',
    kind: 'safety',
    tabs: ['全院隐患', '安全办负责'],
    rows: 5,
  },
  { persona: /院领导/, file: 'leader', kind: 'leader', tabs: [], rows: 5 },
]

for (const role of ROLES) {
  test(`待办 as ${role.file}: its own tabs and list`, async ({ page }) => {
    const outside = watchRequests(page)
    await page.setViewportSize(VIEWPORT)
    await open(page, '/pages/inbox/index')
    await pickPersona(page, role.persona)
    await expect(page.locator(`.inbox-kind-${role.kind}`)).toBeVisible()
    const tabs = page.locator('.inbox-tab:visible')
    if (role.tabs.length) await expect(tabs).toHaveCount(role.tabs.length)
    for (const [i, label] of role.tabs.entries()) await expect(tabs.nth(i)).toContainText(label)
    if (role.rows > 0) {
      const rows = page.locator('.paged-list .ticket-item:visible')
      await expect(rows.first()).toBeVisible()
      expect(await rows.count()).toBeGreaterThanOrEqual(role.rows)
      // Photo checks call back on the emulator clock: let pending ones land. The minute's sweep
      // sends photos no app followed for their check; the answers come a moment after it.
      await page.request.post('/_emulator/clock', { data: { advanceMs: 60_000 } })
      await page.request.post('/_emulator/clock', { data: { advanceMs: 1_000 } })
      await page.reload()
      // The first photo of each row is shown (loaded from a temp URL).
      // Rows other specs made may hold a photo still under its content check (a placeholder), so
      // the check is that rows' photos load, not which row comes first.
      const thumbs = page.locator('.paged-list .ticket-thumb:visible img')
      // Thumbnails load lazily; the safety office's board can push the list below the fold.
      await thumbs.first().scrollIntoViewIfNeeded()
      await expect
        .poll(() =>
          thumbs.evaluateAll((els) =>
            Math.max(0, ...els.map((el) => (el as HTMLImageElement).naturalWidth)),
          ),
        )
        .toBeGreaterThan(0)
    }
    if (role.kind === 'building') {
      await expect(page.locator('.floor-group-B07F02 .floor-group-title:visible')).toContainText(
        '2层',
      )
    }
    if (role.kind === 'leader') {
      await expect(page.locator('.cockpit-entry:visible')).toContainText('安全驾驶舱')
      await expect(page.locator('.inbox-tab:visible')).toHaveCount(0)
    }
    const tabBar = page.locator('.taro-tabbar__tabbar')
    if (role.kind === 'reporter') {
      await expect(tabBar).toContainText('我的上报')
      await expect(tabBar).not.toContainText('待办')
    } else await expect(tabBar).toContainText('待办')
    await page.screenshot({ path: `test-results/todo-${role.file}.png` })
    expect(outside).toEqual([])
  })
}

test('the safety office filters the hospital list and searches it', async ({ page }) => {
  const outside = watchRequests(page)
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /安全办/)
  await expect(page.locator('.list-total:visible')).toBeVisible()
  await page.locator('.filter-search-input:visible input').fill('输液架')
  await page.locator('.filter-search-go:visible').click()
  await expect(page.locator('.list-total:visible')).toHaveText('共 1 条')
  await expect(page.locator('.paged-list .ticket-item:visible')).toHaveCount(1)
  await page.locator('.filter-clear:visible').click()
  await page.locator('.filter-overdue:visible').click()
  await expect(page.locator('.list-total:visible')).toHaveText('共 0 条')
  await expect(page.locator('.state-empty:visible')).toContainText('没有符合条件的隐患')
  expect(outside).toEqual([])
})

test('a pushed page has a back button on H5', async ({ page, request, baseURL }) => {
  const outside = watchRequests(page)
  const list = await fn(request, baseURL!, 'demo-safety', 'ticket', 'hospital', { limit: 1 })
  const id = (list as unknown as { items: Array<{ id: string }> }).items[0].id
  await open(page, '/pages/inbox/index')
  await pickPersona(page, /安全办/)
  await page.locator('.paged-list .ticket-item:visible').first().click()
  await expect(page.locator('.ticket-title:visible')).toBeVisible()
  await page.locator('.taro-navigation-bar-back:visible').click()
  await expect(page.locator('.inbox-kind-safety:visible')).toBeVisible()
  // Opened straight from a link (a push, a shared link): no history, so the bar offers home.
  await open(page, `/pages/ticket/index?id=${id}`)
  await expect(page.locator('.ticket-title:visible')).toBeVisible()
  await page.locator('.taro-navigation-bar-home:visible').click()
  await expect(page.locator('.report-page:visible')).toBeVisible()
  expect(outside).toEqual([])
})
