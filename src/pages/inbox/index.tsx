// 待办: each role's own working view. 层长: their hazards by state; 协管员/楼长: their building by
// floor; 安全办: the whole hospital with filters; 院领导: read-only list + cockpit; a reporter: 我的上报.
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { ReachBanner } from '../../components/ReachBanner'
import { StateView } from '../../components/StateView'
import { TicketList } from '../../components/TicketList'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { askConsent } from '../../services/consent'
import { currentPersona } from '../../services/persona'
import { loadWorkbench, syncTabBar } from '../../services/tab-bar'
import type { Reachability } from '../../../types/api/notify'
import { BuildingInbox } from './parts/BuildingInbox'
import { FloorInbox } from './parts/FloorInbox'
import { HospitalInbox } from './parts/HospitalInbox'
import { ReporterInbox } from './parts/ReporterInbox'
import { DueRounds } from './parts/DueRounds'
import { useEvenings } from '../../hooks/use-evenings'
import { SupervisedBoard } from '../../components/SupervisedBoard'
import './index.scss'

const TITLES = {
  reporter: '我的上报',
  floor: '待办 · 我的楼层',
  building: '待办 · 本楼',
  safety: '待办 · 全院',
  leader: '全院隐患',
} as const

export default function InboxPage(): JSX.Element {
  const [tick, setTick] = useState(0)
  const wb = useRequest(() => loadWorkbench(currentPersona(), tick > 0), [tick])
  const kind = wb.data?.kind
  const captain = kind === 'floor' || kind === 'building' || kind === 'safety'
  const reach = useRequest(
    async () => (captain ? call('notify', 'status', {}) : undefined),
    [captain, tick],
  )
  const board = useRequest(
    async () => (kind === 'safety' ? call('ticket', 'board', {}) : undefined),
    [kind, tick],
  )
  // 楼长 and 协管员 answer for one building: their evening list is one tap away.
  const buildingId = kind === 'building' ? wb.data?.buildings[0]?.id : undefined
  const evenings = useEvenings(kind === 'building', tick)
  const [topped, setTopped] = useState<Reachability>()
  useEffect(() => setTopped(undefined), [reach.data])
  useDidShow(() => setTick((n) => n + 1))
  useEffect(() => {
    if (!wb.data) return
    syncTabBar(wb.data, evenings.data?.unread ?? 0)
    void Promise.resolve(Taro.setNavigationBarTitle({ title: TITLES[wb.data.kind] })).catch(
      () => undefined,
    )
  }, [wb.data, evenings.data])
  // Every natural tap of a captain banks a consent (asked before anything awaits).
  const ask = (): void => void askConsent('captain').then((r) => r && setTopped(r))

  return (
    <View className={`page inbox-page inbox-kind-${kind ?? 'loading'}`}>
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      {captain && (topped ?? reach.data) && (
        <ReachBanner reach={(topped ?? reach.data)!} onChanged={setTopped} />
      )}
      {kind === 'safety' && (
        <View
          className="section inbox-unreachable-link"
          onClick={() => void Taro.navigateTo({ url: '/safety/pages/unreachable' })}
        >
          <Text>📵 联系不上的负责人 ›</Text>
        </View>
      )}
      {board.data && board.data.count > 0 && (
        <View className="section inbox-board">
          <Text className="badge-banner inbox-board-title">
            🔴 安全办看板：{board.data.count} 条隐患未能通知到负责人
          </Text>
          <TicketList items={board.data.items} />
        </View>
      )}
      {(kind === 'safety' || kind === 'leader') && <SupervisedBoard tick={tick} />}
      {wb.data && kind !== 'reporter' && <DueRounds tick={tick} showAll={kind !== 'floor'} />}
      {buildingId && (
        <View
          className="section inbox-evening"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/evening/index?buildingId=${buildingId}` })
          }
        >
          <Text>
            🌙 今日晚间问题清单
            {evenings.data?.unread ? `（${evenings.data.unread} 份未读）` : ''} ›
          </Text>
        </View>
      )}
      <StateView
        loading={wb.loading && !wb.data}
        error={wb.error}
        onRetry={() => void wb.reload()}
      />
      {wb.data && kind === 'reporter' && <ReporterInbox wb={wb.data} tick={tick} />}
      {wb.data && kind === 'floor' && <FloorInbox tick={tick} onTap={ask} />}
      {wb.data && kind === 'building' && <BuildingInbox wb={wb.data} tick={tick} onTap={ask} />}
      {wb.data && (kind === 'safety' || kind === 'leader') && (
        <HospitalInbox wb={wb.data} tick={tick} onTap={ask} />
      )}
    </View>
  )
}
