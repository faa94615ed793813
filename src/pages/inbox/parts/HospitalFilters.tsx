// The safety office's filters over the whole hospital: building, floor, category, state, level,
// overdue, date range, and a search. 清除筛选 returns to the list the page opens with.
import { View, Text, Picker, Input } from '@tarojs/components'
import { useState } from 'react'
import type { HospitalFilter } from '../../../../types/api/ticket-lists'
import { LEVEL_LABELS, STATE_LABELS, TICKET_STATES } from '../../../../types/ticket'
import { useRequest } from '../../../hooks/use-request'
import { call } from '../../../services'

const STATUS_OPTIONS: Array<{ value: HospitalFilter['status']; label: string }> = [
  { value: undefined, label: '全部状态' },
  { value: 'open', label: '未办结' },
  { value: 'done', label: '已办结' },
  ...TICKET_STATES.map((s) => ({ value: s, label: STATE_LABELS[s] })),
]
/** The list the page opens with, and what 清除筛选 returns to: the hazards still open. */
export const OPENING_FILTER: HospitalFilter = { status: 'open' }

/** Whether a filter narrows the list beyond the opening one. */
function narrowed(f: HospitalFilter): boolean {
  const keys = new Set([...Object.keys(f), ...Object.keys(OPENING_FILTER)]) as Set<
    keyof HospitalFilter
  >
  return [...keys].some((k) => f[k] !== OPENING_FILTER[k])
}

const LEVEL_OPTIONS = [
  { value: undefined, label: '全部级别' },
  ...LEVEL_LABELS.map((l, i) => ({ value: i, label: `${l}处理` })),
]

function Choice({
  label,
  options,
  index,
  onPick,
  className,
}: {
  label: string
  options: string[]
  index: number
  onPick: (i: number) => void
  className: string
}): JSX.Element {
  return (
    <Picker
      mode="selector"
      range={options}
      value={index}
      onChange={(e) => onPick(Number(e.detail.value))}
    >
      <View className={`filter-chip ${className} ${index > 0 ? 'filter-chip-on' : ''}`}>
        <Text>{index > 0 ? options[index] : label}</Text>
        <Text className="filter-chip-arrow">▾</Text>
      </View>
    </Picker>
  )
}

export function HospitalFilters({
  value,
  onChange,
}: {
  value: HospitalFilter
  onChange: (f: HospitalFilter) => void
}): JSX.Element {
  const buildings = useRequest(() => call('org', 'buildings', {}), [])
  const categories = useRequest(() => call('org', 'categories', {}), [])
  const [q, setQ] = useState(value.q ?? '')
  const bList = buildings.data ?? []
  const bIndex = bList.findIndex((b) => b.id === value.buildingId) + 1
  const floors = bList[bIndex - 1]?.floors ?? []
  const fIndex = floors.findIndex((f) => f.id === value.floorId) + 1
  const cList = categories.data ?? []
  const cIndex = cList.findIndex((c) => c.id === value.categoryId) + 1
  const sIndex = Math.max(
    0,
    STATUS_OPTIONS.findIndex((o) => o.value === value.status),
  )
  const lIndex = Math.max(
    0,
    LEVEL_OPTIONS.findIndex((o) => o.value === value.level),
  )
  const set = (patch: Partial<HospitalFilter>) => onChange({ ...value, ...patch })
  return (
    <View className="hospital-filters">
      <View className="filter-search">
        <Input
          className="filter-search-input"
          placeholder="搜索描述、地点、类别"
          value={q}
          maxlength={40}
          confirmType="search"
          onInput={(e) => setQ(e.detail.value)}
          onConfirm={() => set({ q: q.trim() || undefined })}
        />
        <Text className="filter-search-go" onClick={() => set({ q: q.trim() || undefined })}>
          搜索
        </Text>
      </View>
      <View className="filter-chips">
        <Choice
          className="filter-building"
          label="楼栋"
          options={['全部楼栋', ...bList.map((b) => b.name)]}
          index={bIndex}
          onPick={(i) => set({ buildingId: bList[i - 1]?.id, floorId: undefined })}
        />
        {bIndex > 0 && (
          <Choice
            className="filter-floor"
            label="楼层"
            options={['全部楼层', ...floors.map((f) => f.name)]}
            index={fIndex}
            onPick={(i) => set({ floorId: floors[i - 1]?.id })}
          />
        )}
        <Choice
          className="filter-category"
          label="类别"
          options={['全部类别', ...cList.map((c) => c.name)]}
          index={cIndex}
          onPick={(i) => set({ categoryId: cList[i - 1]?.id })}
        />
        <Choice
          className="filter-status"
          label="状态"
          options={STATUS_OPTIONS.map((o) => o.label)}
          index={sIndex}
          onPick={(i) => set({ status: STATUS_OPTIONS[i].value })}
        />
        <Choice
          className="filter-level"
          label="级别"
          options={LEVEL_OPTIONS.map((o) => o.label)}
          index={lIndex}
          onPick={(i) => set({ level: LEVEL_OPTIONS[i].value })}
        />
        <View
          className={`filter-chip filter-overdue ${value.overdue ? 'filter-chip-on' : ''}`}
          onClick={() => set({ overdue: value.overdue ? undefined : true })}
        >
          <Text>只看超期</Text>
        </View>
        <Picker
          mode="date"
          value={value.from ?? ''}
          onChange={(e) => set({ from: e.detail.value || undefined })}
        >
          <View className={`filter-chip filter-from ${value.from ? 'filter-chip-on' : ''}`}>
            <Text>{value.from ? `${value.from} 起` : '开始日期'}</Text>
          </View>
        </Picker>
        <Picker
          mode="date"
          value={value.to ?? ''}
          onChange={(e) => set({ to: e.detail.value || undefined })}
        >
          <View className={`filter-chip filter-to ${value.to ? 'filter-chip-on' : ''}`}>
            <Text>{value.to ? `至 ${value.to}` : '结束日期'}</Text>
          </View>
        </Picker>
        {narrowed(value) && (
          <View
            className="filter-chip filter-clear"
            onClick={() => {
              setQ('')
              onChange(OPENING_FILTER)
            }}
          >
            <Text>清除筛选</Text>
          </View>
        )}
      </View>
    </View>
  )
}
