// 待办: each role's own working view. 层长: their hazards by state; 协管员/楼长: their building by
// floor; 安全办: the whole hospital with filters; 院领导: read-only list + cockpit; a reporter: 我的上报.
import { View, Text } from '@tarojs/components'
import Taro, { useDidShow } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import { Button } from '@nutui/nutui-react-taro'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { askConsent } from '../../services/consent'
import { currentPersona } from '../../services/persona'
import { loadWorkbench, syncTabBar } from '../../services/tab-bar'
import { BuildingInbox } from './parts/BuildingInbox'
import { FloorInbox } from './parts/FloorInbox'
import { HospitalInbox } from './parts/HospitalInbox'
import { ReporterInbox } from './parts/ReporterInbox'
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
  const me = useRequest(() => call('user', 'whoami', {}), [tick])
  useDidShow(() => setTick((n) => n + 1))
  const kind = wb.data?.kind
  useEffect(() => {
    if (!wb.data) return
    syncTabBar(wb.data)
    void Taro.setNavigationBarTitle({ title: TITLES[wb.data.kind] }).catch(() => undefined)
  }, [wb.data])
  const captain = kind === 'floor' || kind === 'building' || kind === 'safety'

  return (
    <View className={`page inbox-page inbox-kind-${kind ?? 'loading'}`}>
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      {captain && me.data?.user?.unreachable && (
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
      <StateView
        loading={wb.loading && !wb.data}
        error={wb.error}
        onRetry={() => void wb.reload()}
      />
      {wb.data && kind === 'reporter' && <ReporterInbox wb={wb.data} tick={tick} />}
      {wb.data && kind === 'floor' && <FloorInbox tick={tick} />}
      {wb.data && kind === 'building' && <BuildingInbox wb={wb.data} tick={tick} />}
      {wb.data && (kind === 'safety' || kind === 'leader') && (
        <HospitalInbox wb={wb.data} tick={tick} />
      )}
      {captain && (
        <View className="inbox-consent">
          <Button block onClick={() => void askConsent('captain')}>
            开启新隐患微信提醒
          </Button>
        </View>
      )}
    </View>
  )
}
