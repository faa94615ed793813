// Acting as a person in the H5 app: pick a persona the way a demo user does, through the bar.
import { expect, type Page } from '@playwright/test'

/** Opens a hash route of the app. */
export async function open(page: Page, route: string): Promise<void> {
  await page.goto(`/#${route}`)
}

/** Chooses a demo persona through the persona bar. */
export async function pickPersona(page: Page, label: RegExp | string): Promise<void> {
  await page.locator('.dev-persona-current').first().click()
  const option = page.locator('.dev-persona-option').filter({ hasText: label }).first()
  await expect(option).toBeVisible()
  await option.click()
  await expect(page.locator('.dev-persona-name').first()).toContainText(label)
}
