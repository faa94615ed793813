// Marking a duplicate in the browser points at another open hazard of the floor — chosen from the
// list the server sends — never at the ticket itself; the original then lists its duplicate.
import type { APIRequestContext } from '@playwright/test'
import { expect, open, pickPersona, test, uploadPhoto } from './helpers'

async function callAs(request: APIRequestContext, openid: string, action: string, input: object) {
  const res = await request.post('/fn/ticket', {
    headers: { 'x-woodpecker-openid': openid },
    data: { action, input },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`${action}: ${body.code} ${body.message}`)
  return body.data
}

test('标记重复 picks the other hazard on the floor, never the ticket itself', async ({
  page,
  request,
}) => {
  const report = async (key: string, description: string) =>
    callAs(request, 'demo-staff', 'create', {
      clientKey: key,
      floorId: 'B07F03',
      categoryId: 'wet-floor',
      photos: [await uploadPhoto(request)],
      description,
    })
  const original = await report(`dup-original-${Date.now()}`, '护士站门口地面有水')
  const copy = await report(`dup-copy-${Date.now()}`, '护士站地上有水很滑')

  await open(page, `/pages/ticket/index?id=${copy.id}`)
  await pickPersona(page, /层长/)
  await page.locator('.action-button.action-duplicate:visible').click()
  const choice = page.locator('.action-field.action-duplicateOf:visible')
  await expect(choice).toContainText('护士站门口地面有水')
  await expect(choice).not.toContainText('护士站地上有水很滑')
  await page.locator('.action-reason:visible textarea').fill('同一处积水')
  await page.locator('.action-submit:visible').click()
  await expect(page.locator('.ticket-status:visible')).toHaveText('重复')

  const marked = await callAs(request, 'demo-floor-captain', 'get', { id: copy.id })
  expect(marked.duplicateOf).toBe(original.id)
  const first = await callAs(request, 'demo-floor-captain', 'get', { id: original.id })
  expect(first.duplicateIds).toContain(copy.id)
  expect(first.supportCount).toBeGreaterThanOrEqual(0)
})
