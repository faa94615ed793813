// 待办: the captain's to-do, by state, with counts; tapping a tab also asks for push consent.
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { TicketList } from '../../components/TicketList'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { askConsent } from '../../services/consent'
import { STATE_LABELS, type TicketState } from '../../../types/ticket'
import './index.scss'

const TABS: TicketState[] = ['pending', 'processing', 'rectifying', 'reviewing']

export default function InboxPage(): JSX.Element {
  const [tab, setTab] = useState<TicketState>('pending')
  const [tick, setTick] = useState(0)
  const inbox = useRequest(() => call('ticket', 'inbox', { status: tab }), [tab, tick])
  const me = useRequest(() => call('user', 'whoami', {}), [tick])
  useDidShow(() => setTick((n) => n + 1))
  const pending = inbox.data?.counts.pending ?? 0
  useEffect(() => {
    // The red dot on the 待办 tab: new hazards are waiting.
    const dot =
      pending > 0 ? Taro.showTabBarRedDot({ index: 1 }) : Taro.hideTabBarRedDot({ index: 1 })
    void Promise.resolve(dot).catch(() => undefined)
  }, [pending])

  const choose = (next: TicketState) => {
    void askConsent('captain')
    setTab(next)
  }

  return (
    <View className="page inbox-page">
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      {me.data?.user?.unreachable && (
        <View className="badge-banner inbox-unreachable">
          <Text>🔴 你关闭了隐患提醒，新隐患已自动交给上一级。</Text>
          <Button
            size="small"
            type="primary"
            onClick={() => void askConsent('captain').then(() => setTick((n) => n + 1))}
          >
            重新开启提醒
          </Button>
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
      <View className="inbox-consent">
        <Button block onClick={() => void askConsent('captain')}>
          开启新隐患微信提醒
        </Button>
      </View>
    </View>
  )
}
