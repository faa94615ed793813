// The safety office edits a checklist in the admin subpackage: saving makes its next version, the
// items keep their ids, and an added item takes an id the checklist never used.
import type { APIRequestContext } from '@playwright/test'
import { expect, open, pickPersona, test } from './helpers'

async function getTemplate(request: APIRequestContext, templateId: string) {
  const res = await request.post('/fn/rounds', {
    headers: { 'x-woodpecker-openid': 'demo-safety' },
    data: { action: 'templates.get', input: { templateId } },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`templates.get: ${body.code} ${body.message}`)
  return body.data as {
    version: number
    sections: Array<{ items: Array<{ id: string; text: string; grade: string }> }>
  }
}

test('the safety office edits a checklist: a new version, its items keep their ids', async ({
  page,
  request,
}) => {
  const before = await getTemplate(request, 'tpl-elevator')
  await open(page, '/admin/pages/checklists/index')
  await pickPersona(page, /安全办/)
  await expect(page.locator('.checklist-row:visible')).toHaveCount(8)
  await page
    .locator('.checklist-row:visible')
    .filter({ hasText: '电梯' })
    .locator('.checklist-edit')
    .click()
  await expect(page.locator('.checklist-editor:visible')).toBeVisible()
  await page.locator('.checklist-item-text:visible input').first().fill('电梯运行平稳、无异响')
  await page.locator('.checklist-item-add:visible').first().click()
  await page.locator('.checklist-item-text:visible input').nth(2).fill('轿厢照明和通风正常')
  await page.locator('.checklist-save:visible').click()
  await expect(page.locator('.admin-ok:visible')).toContainText(`第 ${before.version + 1} 版`)

  const after = await getTemplate(request, 'tpl-elevator')
  expect(after.version).toBe(before.version + 1)
  const [first, ...rest] = after.sections[0].items
  expect(first).toMatchObject({ id: before.sections[0].items[0].id, text: '电梯运行平稳、无异响' })
  // The new item took an id the template never used.
  const used = new Set(before.sections.flatMap((s) => s.items.map((i) => i.id)))
  expect(rest.filter((i) => !used.has(i.id)).map((i) => i.text)).toEqual(['轿厢照明和通风正常'])
})
