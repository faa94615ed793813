// 安全办: captains the system cannot push — no reminders left, never subscribed, no phone for the
// SMS fallback — listed only while open work rests on them, grouped by building with counts, with a
// filter by building and by reason, since when, and a one-tap reminder.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import dayjs from 'dayjs'
import type { z } from 'zod'
import type { notifyApi } from '../../../types/api/notify'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call, messageOf } from '../../services'
import './unreachable.scss'

type Reason = 'none_left' | 'never_asked' | 'no_phone'
type Person = z.infer<typeof notifyApi.unreachable.output>['items'][number]

const REASON: Record<Reason, string> = {
  none_left: '提醒次数已用完',
  never_asked: '从未开启提醒',
  no_phone: '没有可用手机号',
}

/** People in building order, one section per building. */
function byBuilding(items: Person[]): Array<{ id: string; name: string; people: Person[] }> {
  const out: Array<{ id: string; name: string; people: Person[] }> = []
  for (const u of items) {
    const last = out[out.length - 1]
    if (last?.id === u.buildingId) last.people.push(u)
    else out.push({ id: u.buildingId, name: u.buildingName, people: [u] })
  }
  return out
}

export default function UnreachablePage(): JSX.Element {
  const [tick, setTick] = useState(0)
  const [buildingId, setBuildingId] = useState('')
  const [reason, setReason] = useState<Reason | ''>('')
  const list = useRequest(
    () =>
      call('notify', 'unreachable', {
        ...(buildingId ? { buildingId } : {}),
        ...(reason ? { reason } : {}),
      }),
    [tick, buildingId, reason],
  )
  const [busy, setBusy] = useState('')
  const data = list.data
  const listed = data?.groups.reduce((n, g) => n + g.count, 0) ?? 0

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
      <View className="section unreachable-filters">
        <View className="filter-chips unreachable-reason-filter">
          {(['', 'none_left', 'never_asked', 'no_phone'] as const).map((r) => (
            <Text
              key={r || 'all'}
              className={`filter-chip unreachable-reason-${r || 'all'}${reason === r ? ' filter-chip-on' : ''}`}
              onClick={() => setReason(r)}
            >
              {r ? REASON[r] : '全部原因'}
            </Text>
          ))}
        </View>
        {data && data.groups.length > 0 && (
          <View className="filter-chips unreachable-groups">
            <Text
              className={`filter-chip${buildingId ? '' : ' filter-chip-on'}`}
              onClick={() => setBuildingId('')}
            >
              全部楼栋 {listed}
            </Text>
            {data.groups.map((g) => (
              <Text
                key={g.buildingId}
                className={`filter-chip unreachable-group${buildingId === g.buildingId ? ' filter-chip-on' : ''}`}
                onClick={() => setBuildingId(g.buildingId)}
              >
                {g.buildingName} {g.count}人
              </Text>
            ))}
          </View>
        )}
      </View>
      <StateView
        loading={list.loading && !data}
        error={list.error}
        onRetry={() => void list.reload()}
        empty={data?.items.length === 0}
        emptyText="有未结隐患的负责人都能收到提醒"
      />
      {data && (
        <Text className="muted unreachable-intro">
          {listed > 0
            ? `${listed} 位负责人名下有未结隐患却收不到提醒；他们的隐患会抄送上一级。`
            : ''}
          {data.idle > 0 ? `另有 ${data.idle} 人暂时收不到提醒，但名下没有未结隐患，未列出。` : ''}
        </Text>
      )}
      {data &&
        byBuilding(data.items).map((g) => (
          <View key={g.id} className="unreachable-building">
            <Text className="section-title unreachable-building-title">
              {g.name}（{g.people.length} 人）
            </Text>
            {g.people.map((u) => (
              <View key={u.userId} className="section unreachable-item">
                <View className="unreachable-row">
                  <Text className="unreachable-name">
                    {u.role} {u.name}
                  </Text>
                  <Text className="muted">{u.phone || '无手机号'}</Text>
                </View>
                <Text className="unreachable-reasons">
                  {u.reasons.map((r) => REASON[r]).join('、')}
                </Text>
                <Text className="muted">
                  负责范围内未结 {u.atStake} 条 · 负责中 {u.owned} 条 · 抄送过 {u.copied} 次
                  {u.since ? ` · 自 ${dayjs(u.since).format('MM-DD HH:mm')} 起` : ''}
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
        ))}
    </View>
  )
}
