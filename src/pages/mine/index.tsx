// 我的: who I am (from user.whoami), my roles, what waits for my confirmation, my reports, the PCs
// signed in as me, and the cockpit entry for leadership and the safety office.
import { View, Text } from '@tarojs/components'
import { Cell, Tag } from '@nutui/nutui-react-taro'
import { call } from '../../services'
import { useRequest } from '../../hooks/use-request'
import { StateView } from '../../components/StateView'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { ROLE_LABELS } from '../../labels'
import { TicketList } from '../../components/TicketList'
import { PcSessions } from '../../components/PcSessions'
import Taro, { useDidShow } from '@tarojs/taro'
import { useCallback, useEffect, useState } from 'react'
import { currentPersona } from '../../services/persona'
import { loadWorkbench, syncTabBar } from '../../services/tab-bar'
import { receivesEvenings, useEvenings } from '../../hooks/use-evenings'
import { sendQueuedReports } from '../../services/report-outbox'
import { QueuedReports } from './parts/QueuedReports'
import './index.scss'

export default function MinePage(): JSX.Element {
  const [tick, setTick] = useState(0)
  const me = useRequest(() => call('user', 'whoami', {}), [tick])
  const mine = useRequest(
    async () => (me.data?.user ? call('ticket', 'mine', { limit: 20 }) : { items: [] }),
    [me.data?.user?.id, tick],
  )
  const waiting = useRequest(
    async () =>
      me.data?.user ? call('ticket', 'mine', { limit: 20, awaitingConfirm: true }) : { items: [] },
    [me.data?.user?.id, tick],
  )
  const wb = useRequest(
    async () => (me.data?.user ? loadWorkbench(currentPersona(), tick > 0) : undefined),
    [me.data?.user?.id, tick],
  )
  const evenings = useEvenings(receivesEvenings(me.data?.user?.roles), tick)
  useEffect(() => {
    if (wb.data) syncTabBar(wb.data, evenings.data?.unread ?? 0)
  }, [wb.data, evenings.data])
  useDidShow(() => {
    setTick((n) => n + 1)
    void sendQueuedReports().catch(() => undefined)
  })
  const refresh = useCallback(() => setTick((n) => n + 1), [])
  const user = me.data?.user
  // The stats function serves leadership, the safety office, 楼长 and 协管员 (their building).
  const cockpit = user?.roles.some((r) =>
    ['leader', 'safety_office', 'building_captain', 'coordinator'].includes(r),
  )
  return (
    <View className="page mine-page">
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      <StateView
        loading={me.loading && !me.data}
        error={me.error}
        onRetry={() => void me.reload()}
      />
      {me.data && (
        <View className="section whoami">
          {user ? (
            <>
              <Text className="whoami-name">{user.name}</Text>
              {user.departmentName && (
                <Text className="muted whoami-dept">{user.departmentName}</Text>
              )}
              <View className="whoami-roles">
                {user.roles.map((r) => (
                  <Tag key={r} type="primary" className="whoami-role">
                    {ROLE_LABELS[r] ?? r}
                  </Tag>
                ))}
              </View>
            </>
          ) : (
            <>
              <Text className="whoami-name">尚未绑定员工身份</Text>
              <Text className="muted">
                请联系安全办为你开通（微信标识 {me.data.openid || '未知'}）
              </Text>
              <Cell
                title="输入邀请码绑定"
                className="mine-bind"
                onClick={() => void Taro.navigateTo({ url: '/admin/pages/bind/index' })}
              />
            </>
          )}
        </View>
      )}
      {(waiting.data?.items.length ?? 0) > 0 && (
        <>
          <View className="section-title mine-reports-title mine-confirm-title">
            待我确认（{waiting.data?.items.length}）
          </View>
          <TicketList items={waiting.data?.items ?? []} />
        </>
      )}
      {(evenings.data?.items.length ?? 0) > 0 && (
        <>
          <View className="section-title mine-reports-title mine-evening-title">
            晚间问题清单
            {evenings.data!.unread > 0 && (
              <Tag type="danger" className="mine-evening-unread">
                {evenings.data!.unread} 份未读
              </Tag>
            )}
          </View>
          {evenings.data!.items.slice(0, 3).map((e) => (
            <Cell
              key={e.id}
              className={`mine-evening${e.read ? '' : ' mine-evening-unread-item'}`}
              title={`${e.read ? '' : '● '}${e.buildingName} · ${e.date}`}
              description={e.summary}
              onClick={() =>
                void Taro.navigateTo({
                  url: `/pages/evening/index?buildingId=${e.buildingId}&date=${e.date}`,
                })
              }
            />
          ))}
        </>
      )}
      <QueuedReports key={tick} onSent={refresh} />
      {me.data?.user && (
        <>
          <View className="section-title mine-reports-title">我的上报</View>
          <StateView
            loading={mine.loading && !mine.data}
            error={mine.error}
            empty={mine.data?.items.length === 0}
            emptyText="还没有上报过隐患"
          />
          {mine.data && <TicketList items={mine.data.items} />}
        </>
      )}
      {user && <PcSessions refresh={tick} />}
      {user?.roles.includes('safety_office') && (
        <Cell
          title="内容与账号安全"
          description="被标记的照片、打码、封禁与审计日志"
          className="mine-safety"
          onClick={() => void Taro.navigateTo({ url: '/safety/pages/content' })}
        />
      )}
      {user?.roles.some((r) => r === 'safety_office' || r === 'building_captain') && (
        <Cell
          title="管理"
          description="楼栋楼层、值守名册、导入导出、公示牌"
          className="mine-admin"
          onClick={() => void Taro.navigateTo({ url: '/admin/pages/index' })}
        />
      )}
      {cockpit && (
        <Cell
          title="安全驾驶舱"
          description="隐患态势、网格地图、简报与周报"
          className="mine-cockpit"
          onClick={() => void Taro.navigateTo({ url: '/cockpit/pages/index' })}
        />
      )}
    </View>
  )
}
