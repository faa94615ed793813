// 安全驾驶舱 (subpackage): headline figures, weekly trend, top categories and floors, the
// building × floor grid, the reporters' corps and captains, and the frozen bulletins. Charts live
// here so they never weigh on the main package.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'
import { percent } from '../../../types/stats-figures'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { TicketList } from '../../components/TicketList'
import { SupervisedBoard } from '../../components/SupervisedBoard'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { topOption, trendOption } from '../charts'
import { Chart } from '../components/Chart'
import { GridMap } from '../components/GridMap'
import { RANGES, rangeDays, type RangeKey } from '../range'
import { openXlsx } from '../open-file'
import './index.scss'

function Figure({
  k,
  label,
  value,
  big,
}: {
  k: string
  label: string
  value: string
  big?: boolean
}) {
  return (
    <View className={`cockpit-figure cockpit-figure-${k}${big ? ' cockpit-figure-big' : ''}`}>
      <Text className="cockpit-figure-value">{value}</Text>
      <Text className="cockpit-figure-label">{label}</Text>
    </View>
  )
}

export default function CockpitPage(): JSX.Element {
  const [range, setRange] = useState<RangeKey>('30')
  const [tick, setTick] = useState(0)
  const [floor, setFloor] = useState<{ id: string; label: string }>()
  const days = rangeDays(range)
  const summary = useRequest(() => call('stats', 'summary', days), [range, tick])
  const grid = useRequest(() => call('stats', 'grid', {}), [tick])
  const board = useRequest(() => call('stats', 'leaderboard', days), [range, tick])
  const bulletins = useRequest(() => call('stats', 'bulletins.list', { limit: 20 }), [tick])
  const onFloor = useRequest(
    async () => (floor ? call('ticket', 'openOnFloor', { floorId: floor.id }) : { items: [] }),
    [floor?.id, tick],
  )
  const s = summary.data
  return (
    <View className="page cockpit-page">
      <DevPersonaBar onChange={() => setTick((n) => n + 1)} />
      <View className="cockpit-head">
        <Text className="cockpit-title">安全驾驶舱{s ? ` · ${s.scopeName}` : ''}</Text>
        <View className="cockpit-ranges">
          {RANGES.map((r) => (
            <Text
              key={r.key}
              className={`cockpit-range${r.key === range ? ' cockpit-range-active' : ''}`}
              onClick={() => setRange(r.key)}
            >
              {r.label}
            </Text>
          ))}
        </View>
      </View>
      <StateView
        loading={summary.loading && !s}
        error={summary.error}
        onRetry={() => void summary.reload()}
      />
      {s && (
        <View className="cockpit-body">
          <View className="section cockpit-figures">
            <Figure k="found" label="发现隐患" value={String(s.found)} big />
            <Figure k="fixedOnSpot" label="立行立改" value={String(s.fixedOnSpot)} big />
            <Figure k="deferred" label="限期整改" value={String(s.deferred)} big />
            <Figure k="satisfaction" label="满意度" value={percent(s.satisfaction.rate)} big />
            <Figure k="fixedOnSpotRate" label="立行立改率" value={percent(s.fixedOnSpotRate)} />
            <Figure k="open" label="尚未办结" value={String(s.open)} />
            <Figure k="overdue" label="逾期" value={String(s.overdue)} />
            <Figure k="onTimeRate" label="按期整改率" value={percent(s.onTimeRate)} />
            <Figure
              k="mtta"
              label="平均响应(分)"
              value={s.mttaMinutes === null ? '—' : String(s.mttaMinutes)}
            />
            <Figure
              k="mttr"
              label="平均办结(分)"
              value={s.mttrMinutes === null ? '—' : String(s.mttrMinutes)}
            />
            <Figure k="reopenRate" label="重新打开率" value={percent(s.reopenRate)} />
            <Figure k="ratings" label="评价数" value={String(s.satisfaction.count)} />
          </View>
          <SupervisedBoard
            tick={tick}
            onExport={async () => openXlsx((await call('stats', 'majors.export', {})).url)}
          />
          {s.rounds && (
            <View className="section cockpit-rounds">
              <View className="section-title">安全巡查</View>
              <Text className="cockpit-rounds-line">{s.rounds.line}</Text>
            </View>
          )}
          <View className="section cockpit-trend">
            <View className="section-title">每周趋势</View>
            <Chart option={trendOption(s)} height="260px" className="chart-trend" />
          </View>
          <View className="section cockpit-top">
            <View className="section-title">隐患类别 Top 5</View>
            {s.topCategories.length ? (
              <Chart
                option={topOption(s.topCategories)}
                height="220px"
                className="chart-categories"
              />
            ) : (
              <Text className="muted">这段时间没有上报</Text>
            )}
          </View>
          <View className="section cockpit-top">
            <View className="section-title">隐患楼层 Top 5</View>
            {s.topFloors.length ? (
              <Chart
                option={topOption(s.topFloors, '#f5a623')}
                height="220px"
                className="chart-floors"
              />
            ) : (
              <Text className="muted">这段时间没有上报</Text>
            )}
          </View>
          <View className="section cockpit-grid">
            <View className="section-title">网格地图（楼栋 × 楼层，当前未办结）</View>
            <StateView loading={grid.loading && !grid.data} error={grid.error} />
            {grid.data && <GridMap grid={grid.data} selected={floor?.id} onPick={setFloor} />}
            {floor && (
              <View className="cockpit-floor">
                <Text className="section-title">{floor.label} · 未办结隐患</Text>
                <StateView
                  loading={onFloor.loading && !onFloor.data}
                  error={onFloor.error}
                  empty={onFloor.data?.items.length === 0}
                  emptyText="这一层没有未办结的隐患"
                />
                {onFloor.data && <TicketList items={onFloor.data.items} />}
              </View>
            )}
          </View>
          <View className="section cockpit-board">
            <View className="section-title">啄木鸟军团</View>
            {board.data?.reporters.length ? (
              board.data.reporters.map((r) => (
                <View key={r.rank} className="board-row">
                  <Text className="board-rank">{r.rank}</Text>
                  <Text className="board-name">{r.name}</Text>
                  <Text className="board-value">{r.useful} 条有效上报</Text>
                </View>
              ))
            ) : (
              <Text className="muted">有效上报满 {board.data?.minSample ?? 3} 条才上榜</Text>
            )}
            <View className="section-title board-captains">层长响应</View>
            {board.data?.captains.length ? (
              board.data.captains.map((c) => (
                <View key={c.rank} className="board-row">
                  <Text className="board-rank">{c.rank}</Text>
                  <Text className="board-name">{c.name}</Text>
                  <Text className="board-value">
                    平均 {c.meanResponseMinutes} 分钟响应 · 办结 {c.resolved}
                  </Text>
                </View>
              ))
            ) : (
              <Text className="muted">响应满 {board.data?.minSample ?? 3} 次才上榜</Text>
            )}
          </View>
          <View className="section cockpit-bulletins">
            <View className="section-title">简报与周报</View>
            <StateView
              loading={bulletins.loading && !bulletins.data}
              error={bulletins.error}
              empty={bulletins.data?.items.length === 0}
              emptyText="每周一 8:00 生成上周周报，每月 1 日生成上月简报"
            />
            {bulletins.data?.items.map((b) => (
              <View
                key={b.id}
                className="bulletin-item"
                onClick={() =>
                  void Taro.navigateTo({ url: `/cockpit/pages/bulletin/index?id=${b.id}` })
                }
              >
                <Text className="bulletin-item-title">{b.title}</Text>
                <Text className="muted">
                  {b.from} 至 {b.to}
                </Text>
              </View>
            ))}
          </View>
        </View>
      )}
    </View>
  )
}
