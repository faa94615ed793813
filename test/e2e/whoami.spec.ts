// The whole path in a real browser: H5 page → emulator gateway → built `user` function → database.
import { expect, open, pickPersona, test } from './helpers'

test('a nurse picks her persona and the app greets her by name from the cloud function', async ({
  page,
}) => {
  await open(page, '/pages/mine/index')
  await expect(page.locator('.whoami-name')).toHaveText('尚未绑定员工身份')
  await pickPersona(page, /李护士/)
  await expect(page.locator('.whoami-name')).toHaveText('李护士')
  await expect(page.locator('.whoami-roles')).toContainText('员工')
  await page.screenshot({ path: 'test-results/whoami.png' })
})
