// 安全办: the whole hospital with filters and a search, plus what fell to the office itself.
// 院领导: the same list, read-only, and the entry to the cockpit.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import type { HospitalFilter, Workbench } from '../../../../types/api/ticket-lists'
import { usePaged } from '../../../hooks/use-paged'
import { call } from '../../../services'
import { HospitalFilters, OPENING_FILTER } from './HospitalFilters'
import { PagedList } from './PagedList'
import { Tabs } from './Tabs'

type Tab = 'hospital' | 'owned'

export function HospitalInbox({
  wb,
  tick,
  onTap,
}: {
  wb: Workbench
  tick: number
  /** A captain's tap: banks a push consent before anything awaits. */
  onTap: () => void
}): JSX.Element {
  const [tab, setTab] = useState<Tab>('hospital')
  const [filter, setFilter] = useState<HospitalFilter>(OPENING_FILTER)
  const hospital = usePaged(
    (before) => call('ticket', 'hospital', { ...filter, before }),
    [JSON.stringify(filter), tick],
  )
  const owned = usePaged(
    (before) =>
      wb.readOnly
        ? Promise.resolve({ items: [], nextCursor: null, counts: {} as Record<string, number> })
        : call('ticket', 'inbox', { before }),
    [tick, wb.readOnly],
  )
  const ownedOpen = ['pending', 'processing', 'rectifying', 'reviewing'].reduce(
    (n, s) => n + (owned.first?.counts[s] ?? 0),
    0,
  )
  return (
    <>
      {wb.readOnly && (
        <View
          className="section cockpit-entry"
          onClick={() => void Taro.navigateTo({ url: '/cockpit/pages/index' })}
        >
          <Text className="cockpit-entry-title">安全驾驶舱 ›</Text>
          <Text className="muted">全院隐患态势、整改率、楼栋网格图</Text>
        </View>
      )}
      {!wb.readOnly && (
        <Tabs
          tabs={[
            { key: 'hospital' as Tab, label: '全院隐患', count: hospital.first?.total },
            { key: 'owned' as Tab, label: '安全办负责', count: ownedOpen },
          ]}
          active={tab}
          onChoose={(next) => {
            onTap()
            setTab(next)
          }}
        />
      )}
      {tab === 'hospital' || wb.readOnly ? (
        <>
          <HospitalFilters value={filter} onChange={setFilter} />
          {hospital.first && <Text className="muted list-total">共 {hospital.first.total} 条</Text>}
          <PagedList list={hospital} emptyText="没有符合条件的隐患" />
        </>
      ) : (
        <PagedList list={owned} emptyText="没有交给安全办的隐患" />
      )}
    </>
  )
}
