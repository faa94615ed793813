// A round walked through a stairwell: the 楼长 answers the first floor online, loses the network on
// the second (answers and a 不合格 with its photo wait on the device as 待同步), and gets it back on
// the third: every answer reaches the server, each 不合格 is exactly one hazard, and the network
// dropping and returning again — or the page reloading — sends nothing twice.
import type { APIRequestContext, Page } from '@playwright/test'
import { CAMERA_PHOTO } from '../fixtures'
import { hospitalTime } from '../../types/time'
import { expect, open, pickPersona, test } from './helpers'

const SAFETY = 'demo-safety'
const LEADER = 'demo-building-captain'
const FLOORS = ['B07F04', 'B07F05', 'B07F06']

async function rounds<T>(
  request: APIRequestContext,
  openid: string,
  action: string,
  input: unknown,
) {
  const res = await request.post('/fn/rounds', {
    headers: { 'x-woodpecker-openid': openid },
    data: { action, input },
  })
  const body = await res.json()
  if (!body.ok) throw new Error(`rounds.${action}: ${body.code} ${body.message}`)
  return body.data as T
}

type Walk = {
  round: { id: string }
  template: { sections: Array<{ items: Array<{ id: string; text: string }> }> }
  answers: Array<{ floorId: string; itemId: string; value: string; ticketId: string | null }>
}

/**
 * Answers the visible floor's items in order: 不合格 (with a photo) where asked, 立行立改 (the photo
 * and the after-photo) where asked, else 合格.
 */
async function answerFloor(page: Page, failAt: number[], fixAt: number[] = []): Promise<void> {
  const items = page.locator('.round-item:visible')
  const n = await items.count()
  for (let i = 0; i < n; i++) {
    const item = items.nth(i)
    if (fixAt.includes(i)) {
      const before = page.waitForEvent('filechooser')
      await item.locator('.round-answer-fixed').click()
      const first = await before
      // Listening for the after-photo's chooser before the first photo is given: it opens right after.
      const after = page.waitForEvent('filechooser')
      await first.setFiles(CAMERA_PHOTO)
      await (await after).setFiles(CAMERA_PHOTO)
      await expect(item.locator('.round-state')).toContainText('不合格')
    } else if (failAt.includes(i)) {
      const chooser = page.waitForEvent('filechooser')
      await item.locator('.round-answer-fail').click()
      await (await chooser).setFiles(CAMERA_PHOTO)
      await expect(item.locator('.round-state')).toContainText('不合格')
    } else {
      await item.locator('.round-answer-pass').click()
      await expect(item.locator('.round-state')).toContainText('合格')
    }
  }
}

test('a round walked with the network cut on one floor and back on the next keeps every answer and makes no duplicate hazard', async ({
  page,
  request,
}) => {
  // Today on the emulator's clock, which earlier browser tests move on (a round is never in the past).
  const { now } = (await (await request.get('/_emulator/clock')).json()) as { now: string }
  const today = hospitalTime(now).format('YYYY-MM-DD')
  const scheduled = await rounds<{ id: string }>(request, SAFETY, 'schedule', {
    clientKey: `e2e-round-${Date.now()}`,
    buildingId: 'B07',
    floorIds: FLOORS,
    templateId: 'tpl-floor',
    leaderId: 'u-bc-B07',
    date: today,
  })
  const id = scheduled.id
  await rounds(request, LEADER, 'start', { id })
  const walk = async () => rounds<Walk>(request, LEADER, 'get', { id })
  const items = (await walk()).template.sections.flatMap((s) => s.items).length

  // The 楼长 scans the fourth floor's code: the report page offers 记入巡查.
  await open(page, `/pages/report/index?scene=${encodeURIComponent(`f=${FLOORS[0]}`)}`)
  await pickPersona(page, /楼长/)
  await page.locator('.report-round:visible').first().click()
  await expect(page.locator('.round-item:visible').first()).toBeVisible()
  await expect(page.locator('.round-floor-active:visible')).toContainText('4层')

  // Fourth floor, online: one 不合格.
  await answerFloor(page, [0])
  await expect(page.locator('.round-sync:visible')).toHaveText('全部已同步')

  // Fifth floor: the network is gone.
  await page.context().setOffline(true)
  await page.locator('.round-floor:visible').filter({ hasText: '5层' }).click()
  await answerFloor(page, [1])
  await expect(page.locator('.round-sync:visible')).toHaveText(`${items} 项待同步`)
  await expect(page.locator('.round-state-waiting:visible')).toHaveCount(items)
  // Nothing of the fifth floor reached the server.
  expect((await walk()).answers.filter((a) => a.floorId === FLOORS[1])).toEqual([])

  // Sixth floor: the network is back; everything waiting goes out with it. A hazard is fixed there.
  await page.context().setOffline(false)
  await page.locator('.round-floor:visible').filter({ hasText: '6层' }).click()
  await answerFloor(page, [], [2])
  await expect(page.locator('.round-ticket:visible')).toHaveText('已立行立改')
  await expect(page.locator('.round-sync:visible')).toHaveText('全部已同步')

  const expectAllKept = async () => {
    const w = await walk()
    expect(w.answers).toHaveLength(items * FLOORS.length)
    const failed = w.answers.filter((a) => a.value === 'fail')
    expect(failed.map((a) => a.floorId).sort()).toEqual(FLOORS)
    expect(failed.every((a) => a.ticketId)).toBe(true)
    return w
  }
  await expect.poll(async () => (await walk()).answers.length).toBe(items * FLOORS.length)
  const before = await expectAllKept()

  // The network drops and returns, and the page opens again: nothing more is sent, every answer shows.
  await page.context().setOffline(true)
  await page.context().setOffline(false)
  await page.reload()
  await expect(page.locator('.round-sync:visible')).toHaveText('全部已同步')
  await page.locator('.round-floor:visible').filter({ hasText: '5层' }).click()
  await expect(page.locator('.round-state-kept:visible')).toHaveCount(items)
  const after = await expectAllKept()
  expect(after.answers.map((a) => a.ticketId).sort()).toEqual(
    before.answers.map((a) => a.ticketId).sort(),
  )

  // The report agrees: a hazard on each floor, the sixth's fixed there and then.
  const report = await rounds<{
    totals: { checked: number; failed: number; fixedOnSpot: number }
    floors: Array<{ floorId: string; failed: number }>
  }>(request, LEADER, 'report', { id })
  expect(report.totals).toMatchObject({ checked: items * 3, failed: 3, fixedOnSpot: 1 })
  expect(report.floors.map((f) => f.failed)).toEqual([1, 1, 1])
})
