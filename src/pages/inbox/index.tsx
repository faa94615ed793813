// 待办: the captain's to-do, by state, with counts; tapping a tab also asks for push consent.
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { useState } from 'react'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { TicketList } from '../../components/TicketList'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { askConsent } from '../../services/consent'
import { ReachBanner } from '../../components/ReachBanner'
import type { Reachability } from '../../../types/api/notify'
import { STATE_LABELS, type TicketState } from '../../../types/ticket'
import './index.scss'

const CAPTAIN_ROLES = ['floor_captain', 'coordinator', 'building_captain', 'safety_office']
const TABS: TicketState[] = ['pending', 'processing', 'rectifying', 'reviewing']

export default function InboxPage(): JSX.Element {
  const [tab, setTab] = useState<TicketState>('pending')
  const [tick, setTick] = useState(0)
  const inbox = useRequest(() => call('ticket', 'inbox', { status: tab }), [tab, tick])
  const me = useRequest(() => call('user', 'whoami', {}), [tick])
  const reach = useRequest(() => call('notify', 'status', {}), [tick])
  const safety = me.data?.user?.roles.includes('safety_office') ?? false
  const board = useRequest(
    async () => (safety ? call('ticket', 'board', {}) : undefined),
    [safety, tick],
  )
  // 楼长 and 协管员 answer for one building: their evening list is one tap away.
  const buildingId = me.data?.user?.buildingId
  const captain = me.data?.user?.roles.some((r) => CAPTAIN_ROLES.includes(r)) ?? false
  const [topped, setTopped] = useState<Reachability>()
  useEffect(() => setTopped(undefined), [reach.data])
  useDidShow(() => setTick((n) => n + 1))
  const pending = inbox.data?.counts.pending ?? 0
  useEffect(() => {
    // The red dot on the 待办 tab: new hazards are waiting.
    const dot =
      pending > 0 ? Taro.showTabBarRedDot({ index: 1 }) : Taro.hideTabBarRedDot({ index: 1 })
    void Promise.resolve(dot).catch(() => undefined)
  }, [pending])

  const choose = (next: TicketState) => {
    // Every natural tap of a captain banks a consent (asked before anything awaits).
    void askConsent('captain').then((r) => r && setTopped(r))
    setTab(next)
  }

  return (
    <View className="page inbox-page">
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      {captain && (topped ?? reach.data) && (
        <ReachBanner reach={(topped ?? reach.data)!} onChanged={setTopped} />
      )}
      {safety && (
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
      {buildingId && (
        <View
          className="section inbox-evening"
          onClick={() =>
            void Taro.navigateTo({ url: `/pages/evening/index?buildingId=${buildingId}` })
          }
        >
          <Text>🌙 今日晚间问题清单 ›</Text>
        </View>
      )}
      <View className="inbox-tabs">
        {TABS.map((s) => (
          <View
            key={s}
            className={`inbox-tab inbox-tab-${s} ${tab === s ? 'inbox-tab-active' : ''}`}
            onClick={() => choose(s)}
          >
            <Text>{STATE_LABELS[s]}</Text>
            {(inbox.data?.counts[s] ?? 0) > 0 && (
              <Text className="inbox-count">{inbox.data?.counts[s]}</Text>
            )}
          </View>
        ))}
      </View>
      <StateView
        loading={inbox.loading && !inbox.data}
        error={inbox.error}
        onRetry={() => void inbox.reload()}
        empty={inbox.data?.items.length === 0}
        emptyText={`没有${STATE_LABELS[tab]}的隐患`}
      />
      {inbox.data && <TicketList items={inbox.data.items} />}
    </View>
  )
}
