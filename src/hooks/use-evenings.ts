// The caller's evening lists (晚间问题清单) kept in the app, for 楼长 and 协管员: what the 我的 entry
// and the tab badge count.
import { call } from '../services'
import { useRequest, type RequestState } from './use-request'

const EVENING_ROLES = ['building_captain', 'coordinator']

/** Whether someone with these roles receives evening lists. */
export const receivesEvenings = (roles: readonly string[] | undefined): boolean =>
  Boolean(roles?.some((r) => EVENING_ROLES.includes(r)))

/** Loads the evening lists when `enabled`; reloads whenever `tick` changes. */
export function useEvenings(
  enabled: boolean,
  tick: number,
): RequestState<{
  items: Array<{
    id: string
    buildingId: string
    buildingName: string
    date: string
    summary: string
    pushed: boolean
    read: boolean
  }>
  unread: number
}> {
  return useRequest(
    async () => (enabled ? call('notify', 'evenings', {}) : { items: [], unread: 0 }),
    [enabled, tick],
  )
}
