// The tab bar per role. WeChat's tabBar is static (app.json), so a reporter's middle tab is renamed
// 我的上报 (their list) instead of being removed: setTabBarItem works on weapp and H5, whereas
// hiding one tab would need a custom tab bar maintained twice. The badge counts confirmations due and,
// for 楼长 and 协管员, evening lists not yet opened.
import Taro from '@tarojs/taro'
import type { Workbench } from '../../types/api/ticket-lists'
import { call } from './call'

export const INBOX_TAB = 1
export const MINE_TAB = 2

let cached: { at: number; persona: string; value: Promise<Workbench> } | undefined

/** The caller's workbench, shared by the tab pages for a few seconds. */
export function loadWorkbench(persona = '', fresh = false): Promise<Workbench> {
  const now = Date.now()
  if (!fresh && cached && cached.persona === persona && now - cached.at < 5000) return cached.value
  const value = call('ticket', 'workbench', {})
  cached = { at: now, persona, value }
  value.catch(() => (cached = undefined))
  return value
}

const quiet = (p: unknown): void => void Promise.resolve(p).catch(() => undefined)

/** Names the middle tab for the role and badges confirmations due plus unread evening lists. */
export function syncTabBar(wb: Workbench, unreadEvenings = 0): void {
  const reporter = wb.kind === 'reporter'
  quiet(Taro.setTabBarItem({ index: INBOX_TAB, text: reporter ? '我的上报' : '待办' }))
  const badgeTab = reporter ? INBOX_TAB : MINE_TAB
  const otherTab = reporter ? MINE_TAB : INBOX_TAB
  const due = wb.awaitingConfirm + (reporter ? 0 : unreadEvenings)
  if (due > 0) quiet(Taro.setTabBarBadge({ index: badgeTab, text: String(Math.min(due, 99)) }))
  else quiet(Taro.removeTabBarBadge({ index: badgeTab }))
  if (reporter) quiet(Taro.removeTabBarBadge({ index: otherTab }))
}
