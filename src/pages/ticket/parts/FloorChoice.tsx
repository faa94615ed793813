// Picks a floor to transfer a hazard to: a building, then one of its floors.
import { Picker, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import { useRequest } from '../../../hooks/use-request'
import { call } from '../../../services'

/** Building → floor pickers; reports the chosen floor id ('' until one is chosen). */
export function FloorChoice({
  value,
  exclude,
  onChange,
}: {
  value: string
  exclude: string
  onChange: (floorId: string) => void
}): JSX.Element {
  const buildings = useRequest(() => call('org', 'buildings', {}), [])
  const [b, setB] = useState(0)
  const list = buildings.data ?? []
  const floors = (list[b]?.floors ?? []).filter((f) => f.id !== exclude)
  useEffect(() => {
    if (floors.length && !floors.some((f) => f.id === value)) onChange(floors[0].id)
  }, [b, buildings.data]) // eslint-disable-line react-hooks/exhaustive-deps
  if (buildings.loading) return <Text className="muted">正在加载楼层…</Text>
  if (buildings.error) return <Text className="report-error">楼层加载失败，请重试</Text>
  const f = Math.max(
    0,
    floors.findIndex((x) => x.id === value),
  )
  return (
    <View className="action-floor">
      <Picker
        mode="selector"
        range={list.map((x) => x.name)}
        value={b}
        onChange={(e) => setB(Number(e.detail.value))}
      >
        <View className="action-field">转至楼栋：{list[b]?.name ?? '请选择'}</View>
      </Picker>
      <Picker
        mode="selector"
        range={floors.map((x) => x.name)}
        value={f}
        onChange={(e) => onChange(floors[Number(e.detail.value)]?.id ?? '')}
      >
        <View className="action-field">转至楼层：{floors[f]?.name ?? '请选择'}</View>
      </Picker>
    </View>
  )
}
