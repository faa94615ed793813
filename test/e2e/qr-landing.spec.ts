// What a scan's launch of the H5 build loads: scripts marked for compiling while they download (the
// entry's and the report page's, nothing else), and a first screen of plain elements.
import { readdirSync, readFileSync } from 'node:fs'
import { join, resolve } from 'node:path'
import { expect, open, test } from './helpers'

const JS_DIR = join(resolve(__dirname, '..', '..'), 'dist-h5', 'js')
const HINT = '//# allFunctionsCalledOnLoad\n'

test('the scripts of a launch on the report page, and only those, open with the compile hint', async ({
  request,
}) => {
  const html = await (await request.get('/')).text()
  const entry = [...html.matchAll(/<script[^>]* src="\/(js\/[^"]+\.js)"/g)].map((m) => m[1])
  const preloaded = [...html.matchAll(/"\/(js\/[^"]+\.js)"/g)].map((m) => m[1])
  expect(entry.length).toBeGreaterThan(0)
  expect(preloaded.length).toBeGreaterThan(0)
  const landing = new Set([...entry, ...preloaded])
  for (const file of landing) {
    const served = await (await request.get(`/${file}`)).text()
    expect(served.startsWith(HINT), file).toBe(true)
  }
  const others = readdirSync(JS_DIR)
    .filter((f) => f.endsWith('.js'))
    .map((f) => `js/${f}`)
    .filter((f) => !landing.has(f))
  expect(others.length).toBeGreaterThan(0)
  for (const file of others)
    expect(readFileSync(join(resolve(JS_DIR, '..'), file), 'utf8').startsWith(HINT), file).toBe(
      false,
    )
})

test('the report page draws its views and texts as plain elements', async ({ page }) => {
  await open(page, '/pages/report/index?scene=f%3DB07F03')
  await expect(page.locator('.report-category').nth(11)).toBeVisible({ timeout: 30_000 })
  expect(
    await page
      .locator('.report-category')
      .first()
      .evaluate((e) => e.tagName),
  ).toBe('DIV')
  await expect(page.locator('taro-view-core, taro-text-core')).toHaveCount(0)
})
