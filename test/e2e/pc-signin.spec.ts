// A PC signs in by scanning: the H5 app in deployed mode (the web SDK against the emulator, no dev
// gateway, no 演示身份) shows a mini-program code, the phone confirms as a staff member, and the PC is
// that person with exactly their scope. A session ended from the phone fails at the PC's next call;
// 退出 ends it from the PC; a code that ran out is replaced.
import type { APIRequestContext, Page, Response } from '@playwright/test'
import { expect, test } from './helpers'

const SIGNIN = '/pc/pages/signin'

/** Runs this page's H5 app in deployed mode: the web SDK, pointed at the emulator that serves it. */
test.beforeEach(async ({ page, baseURL }) => {
  await page.addInitScript((host: string) => {
    ;(globalThis as { __WOODPECKER_CLOUDBASE__?: unknown }).__WOODPECKER_CLOUDBASE__ = {
      env: 'woodpecker-local',
      host,
    }
  }, new URL(baseURL!).host)
})

const isStart = (res: Response): boolean =>
  res.url().endsWith('/v1/functions/signin') &&
  (res.request().postDataJSON() as { action?: string }).action === 'start'

/** Waits for the next code the page is given; resolves with its scene. */
async function nextCode(page: Page): Promise<string> {
  // A PC whose session just ended asks once more with its old token (refused) and then afresh.
  for (;;) {
    const res = await page.waitForResponse(isStart)
    const body = (await res.json()) as { data?: { scene: string } }
    if (body.data) return body.data.scene
  }
}

/**
 * Ends the cockpit's session with `end`, then makes the page's next call by choosing another range
 * — unless a call of its own (a refresh of its live figures) came first and already sent it to sign
 * in. Resolves with the code that sign-in page shows.
 */
async function endFromCockpit(page: Page, end: () => Promise<unknown>): Promise<string> {
  const code = nextCode(page)
  await end()
  const range = page.locator('.cockpit-range:visible').first()
  return Promise.race([
    code,
    range.click().then(
      () => code,
      () => code,
    ),
  ])
}

/** The phone's side, as the mini-program calls it for `openid`. */
async function phone(
  request: APIRequestContext,
  openid: string,
  action: string,
  input: unknown,
): Promise<unknown> {
  const res = await request.post('/fn/signin', {
    headers: { 'x-woodpecker-openid': openid },
    data: { action, input },
  })
  const body = (await res.json()) as { ok: boolean; data?: unknown; message?: string }
  if (!body.ok) throw new Error(`signin.${action}: ${body.message}`)
  return body.data
}

/** Opens `route` on a PC that has not signed in, confirms its code as `openid`; resolves with the scene. */
async function signInAs(page: Page, route: string, openid: string): Promise<string> {
  const code = nextCode(page)
  await page.goto(`/#${route}`)
  const scene = await code
  await expect(page).toHaveURL(new RegExp(`#${SIGNIN}`))
  await expect(page.locator('.pc-signin-code img')).toHaveAttribute('src', /^data:image\/png/)
  await expect(page.locator('.dev-persona-option, .dev-persona-switch')).toHaveCount(0)
  await phone(page.request, openid, 'confirm', { scene })
  await expect(page).toHaveURL(new RegExp(`#${route}`))
  return scene
}

test('the safety office signs a PC in by scanning and sees the whole hospital', async ({
  page,
}) => {
  await signInAs(page, '/cockpit/pages/index', 'demo-safety')
  await expect(page.locator('.cockpit-title')).toHaveText('安全驾驶舱 · 全院')
  await expect(page.locator('.pc-account-name')).not.toHaveText('')
})

test('a building captain sees only their building; an end from the phone sends the PC back', async ({
  page,
}) => {
  const scene = await signInAs(page, '/cockpit/pages/index', 'demo-building-captain')
  await expect(page.locator('.cockpit-title')).toHaveText(/^安全驾驶舱 · \S+/)
  await expect(page.locator('.cockpit-title')).not.toContainText('全院')

  await endFromCockpit(page, () =>
    phone(page.request, 'demo-building-captain', 'end', { id: scene }),
  )
  await expect(page).toHaveURL(new RegExp(`#${SIGNIN}`))
  await expect(page.locator('.pc-signin-ended')).toHaveText('电脑端登录已结束，请重新扫码')
})

test('退出 on the PC ends its session and shows the sign-in page', async ({ page }) => {
  const scene = await signInAs(page, '/cockpit/pages/index', 'demo-leader')
  await expect(page.locator('.cockpit-title')).toHaveText('安全驾驶舱 · 全院')
  const listed = (await phone(page.request, 'demo-leader', 'sessions', {})) as {
    items: Array<{ id: string }>
  }
  expect(listed.items.map((i) => i.id)).toContain(scene)
  const code = nextCode(page)
  await page.locator('.pc-account-out').click()
  await code
  await expect(page).toHaveURL(new RegExp(`#${SIGNIN}`))
  const after = (await phone(page.request, 'demo-leader', 'sessions', {})) as {
    items: Array<{ id: string }>
  }
  expect(after.items.map((i) => i.id)).not.toContain(scene)
})

test('a code that ran out is replaced by a fresh one', async ({ page }) => {
  const first = nextCode(page)
  await page.goto('/#/cockpit/pages/index')
  const scene = await first
  const renewed = nextCode(page)
  const moved = await page.request.post('/_emulator/clock', { data: { advanceMs: 2 * 60_000 } })
  expect(moved.ok()).toBe(true)
  const fresh = await renewed
  expect(fresh).not.toBe(scene)
  // The old code is dead; the new one signs in.
  await expect(phone(page.request, 'demo-safety', 'confirm', { scene })).rejects.toThrow()
  await phone(page.request, 'demo-safety', 'confirm', { scene: fresh })
  await expect(page).toHaveURL(/#\/cockpit\/pages\/index/)
  await expect(page.locator('.cockpit-title')).toHaveText('安全驾驶舱 · 全院')
})

test('a session that ran its time sends the PC back to sign in', async ({ page }) => {
  await signInAs(page, '/cockpit/pages/index', 'demo-safety')
  await expect(page.locator('.cockpit-title')).toHaveText('安全驾驶舱 · 全院')
  await endFromCockpit(page, async () => {
    // Only the time matters here: the clock jumps, each timer running once at the new time.
    const moved = await page.request.post('/_emulator/clock', {
      data: { jumpMs: 12 * 3600_000 },
    })
    expect(moved.ok()).toBe(true)
  })
  await expect(page).toHaveURL(new RegExp(`#${SIGNIN}`))
  await expect(page.locator('.pc-signin-ended')).toHaveText('电脑端登录已结束，请重新扫码')
})

test('the safety office imports a roster on the PC: the file goes through the functions', async ({
  page,
}) => {
  await signInAs(page, '/admin/pages/import/index', 'demo-safety')
  const standIns: string[] = []
  page.on('request', (req) => {
    if (req.url().includes('/_emulator/')) standIns.push(req.url())
  })
  // The hospital as it stands now (earlier tests change it): its own export, imported back.
  const exported = await page.request.post('/fn/admin', {
    headers: { 'x-woodpecker-openid': 'demo-safety' },
    data: { action: 'roster.export', input: { format: 'csv' } },
  })
  const { url, rows } = ((await exported.json()) as { data: { url: string; rows: number } }).data
  const buffer = await (await page.request.get(url)).body()
  const chooser = page.waitForEvent('filechooser')
  await page.locator('.import-upload').click()
  await (await chooser).setFiles({ name: '名册.csv', mimeType: 'text/csv', buffer })
  await expect(page.locator('.import-preview .section-title').first()).toContainText(
    `名册.csv：${rows} 行，0 处变化`,
  )
  expect(standIns).toEqual([])
})
