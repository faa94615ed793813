// “记入巡查”: when the caller leads or joins a round open on this floor, the scan takes them to it.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRequest } from '../../../hooks/use-request'
import { call } from '../../../services'

/** A link per open round on the floor the caller may answer; nothing otherwise. */
export function OpenRounds({
  floorId,
  persona,
}: {
  floorId: string
  persona: number
}): JSX.Element | null {
  const rounds = useRequest(
    async () => (floorId ? call('rounds', 'openOnFloor', { floorId }) : { items: [] }),
    [floorId, persona],
  )
  const items = rounds.data?.items ?? []
  if (items.length === 0) return null
  return (
    <View className="section report-rounds">
      {items.map((r) => (
        <View
          key={r.id}
          className="report-round"
          onClick={() =>
            void Taro.navigateTo({ url: `/rounds/pages/walk/index?id=${r.id}&floorId=${floorId}` })
          }
        >
          <Text className="report-round-title">📋 记入巡查：{r.templateName}</Text>
          <Text className="muted">
            {r.buildingName} · {r.date} · 带队 {r.leader.name} ›
          </Text>
        </View>
      ))}
    </View>
  )
}
