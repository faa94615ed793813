// 协管员 / 楼长: their building — every open hazard on any floor, grouped by floor, overdue and
// stuck first, what they own marked; and the building's 已办结.
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import type { Workbench } from '../../../../types/api/ticket-lists'
import { usePaged } from '../../../hooks/use-paged'
import { call } from '../../../services'
import { PagedList } from './PagedList'
import { Tabs } from './Tabs'

type Tab = 'open' | 'done'

export function BuildingInbox({
  wb,
  tick,
  onTap,
}: {
  wb: Workbench
  tick: number
  /** A captain's tap: banks a push consent before anything awaits. */
  onTap: () => void
}): JSX.Element {
  const [buildingId, setBuildingId] = useState(wb.buildings[0]?.id ?? '')
  const [tab, setTab] = useState<Tab>('open')
  const open = usePaged(
    (before) => call('ticket', 'building', { buildingId, before }),
    [buildingId, tick],
  )
  const done = usePaged(
    (before) =>
      tab === 'done'
        ? call('ticket', 'done', { buildingId, before })
        : Promise.resolve({ items: [], nextCursor: null, total: 0 }),
    [buildingId, tab, tick],
  )
  const counts = open.first?.counts
  const openByFloor = Object.fromEntries((open.first?.floors ?? []).map((f) => [f.id, f.open]))
  return (
    <>
      {wb.buildings.length > 1 && (
        <View className="inbox-buildings">
          {wb.buildings.map((b) => (
            <Text
              key={b.id}
              className={`inbox-building ${b.id === buildingId ? 'inbox-building-active' : ''}`}
              onClick={() => setBuildingId(b.id)}
            >
              {b.name}
            </Text>
          ))}
        </View>
      )}
      <Tabs
        tabs={[
          { key: 'open' as Tab, label: '本楼待办', count: counts?.open },
          { key: 'done' as Tab, label: '已办结', count: counts?.done },
        ]}
        active={tab}
        onChoose={(next) => {
          onTap()
          setTab(next)
        }}
      />
      {open.first && (
        <View className="inbox-summary">
          <Text className="inbox-summary-building">{open.first.building.name}</Text>
          <Text className="muted inbox-summary-counts">
            未办结 {counts?.open ?? 0} · 我负责 {counts?.owned ?? 0} · 超期 {counts?.overdue ?? 0}
          </Text>
        </View>
      )}
      {tab === 'open' ? (
        <PagedList list={open} emptyText="本楼没有未办结的隐患" openByFloor={openByFloor} />
      ) : (
        <PagedList list={done} emptyText="本楼还没有办结的隐患" />
      )}
    </>
  )
}
