// 安全办: captains the system cannot push — no reminders left, never subscribed, no phone for the
// SMS fallback — since when, how many hazards they own or were copied on, and a one-tap reminder.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import dayjs from 'dayjs'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call, messageOf } from '../../services'
import './unreachable.scss'

const REASON: Record<string, string> = {
  none_left: '提醒次数已用完',
  never_asked: '从未开启提醒',
  no_phone: '没有可用手机号',
}

export default function UnreachablePage(): JSX.Element {
  const [tick, setTick] = useState(0)
  const list = useRequest(() => call('notify', 'unreachable', {}), [tick])
  const [busy, setBusy] = useState('')

  const nudge = async (userId: string, name: string) => {
    setBusy(userId)
    try {
      await call('notify', 'nudge', { userId })
      void Taro.showToast({ title: `已提醒${name}`, icon: 'success' })
      setTick((n) => n + 1)
    } catch (e) {
      void Taro.showToast({ title: messageOf(e), icon: 'none' })
    } finally {
      setBusy('')
    }
  }

  return (
    <View className="page unreachable-page">
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      <StateView
        loading={list.loading && !list.data}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={list.data?.items.length === 0}
        emptyText="所有负责人都能收到提醒"
      />
      {list.data && list.data.items.length > 0 && (
        <Text className="muted unreachable-intro">
          共 {list.data.items.length} 人暂时收不到隐患提醒；他们的隐患会抄送上一级。
        </Text>
      )}
      {list.data?.items.map((u) => (
        <View key={u.userId} className="section unreachable-item">
          <View className="unreachable-row">
            <Text className="unreachable-name">
              {u.role} {u.name}
            </Text>
            <Text className="muted">{u.phone || '无手机号'}</Text>
          </View>
          <Text className="unreachable-reasons">{u.reasons.map((r) => REASON[r]).join('、')}</Text>
          <Text className="muted">
            {u.since ? `自 ${dayjs(u.since).format('MM-DD HH:mm')} 起` : ''} 负责中 {u.owned} 条 ·
            抄送过 {u.copied} 次
            {u.nudgedAt ? ` · 已于 ${dayjs(u.nudgedAt).format('MM-DD HH:mm')} 提醒` : ''}
          </Text>
          <Button
            size="small"
            type="primary"
            className="unreachable-nudge"
            loading={busy === u.userId}
            disabled={Boolean(busy)}
            onClick={() => void nudge(u.userId, u.name)}
          >
            提醒他补充提醒次数
          </Button>
        </View>
      ))}
    </View>
  )
}
