// One frozen bulletin (“安心工程”周报 / 《安全生产简报》): its figures as frozen, laid out to
// print on A4, and its XLSX export.
import { Button } from '@nutui/nutui-react-taro'
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { figureRows } from '../../../../types/stats-figures'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import { openXlsx } from '../../open-file'
import './index.scss'

export default function BulletinPage(): JSX.Element {
  const id = useRouter().params.id ?? ''
  const b = useRequest(() => call('stats', 'bulletins.get', { id }), [id])
  const [exporting, setExporting] = useState(false)
  const exportXlsx = async (): Promise<void> => {
    setExporting(true)
    try {
      await openXlsx((await call('stats', 'bulletins.export', { id })).url)
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setExporting(false)
    }
  }
  const d = b.data
  return (
    <View className="page bulletin-page">
      <StateView loading={b.loading && !d} error={b.error} onRetry={() => void b.reload()} />
      {d && (
        <View className="bulletin-sheet">
          <Text className="bulletin-org">啄木鸟 · 医院安全生产</Text>
          <Text className="bulletin-title">{d.title}</Text>
          <Text className="muted bulletin-period">
            统计周期 {d.from} 至 {d.to} · {d.summary.scopeName} · 生成于 {d.frozenAt.slice(0, 10)}
          </Text>
          <View className="bulletin-figures">
            {figureRows(d.summary).map((r) => (
              <View key={r.key} className={`bulletin-figure bulletin-figure-${r.key}`}>
                <Text className="bulletin-figure-label">{r.label}</Text>
                <Text className="bulletin-figure-value">{r.value}</Text>
              </View>
            ))}
          </View>
          {d.summary.rounds && (
            <Text className="bulletin-rounds">安全巡查：{d.summary.rounds.line}</Text>
          )}
          <Text className="bulletin-h2">每周情况</Text>
          <View className="bulletin-table">
            <View className="bulletin-tr bulletin-th">
              <Text>周（周一）</Text>
              <Text>发现</Text>
              <Text>立行立改</Text>
              <Text>限期整改</Text>
              <Text>已销号</Text>
            </View>
            {d.summary.trend.map((w) => (
              <View key={w.week} className="bulletin-tr">
                <Text>{w.week}</Text>
                <Text>{w.found}</Text>
                <Text>{w.fixedOnSpot}</Text>
                <Text>{w.deferred}</Text>
                <Text>{w.closed}</Text>
              </View>
            ))}
          </View>
          <Text className="bulletin-h2">隐患类别与楼层</Text>
          <View className="bulletin-tops">
            <View className="bulletin-top">
              {d.summary.topCategories.map((c) => (
                <Text key={c.id} className="bulletin-top-row">
                  {c.name}：{c.count}
                </Text>
              ))}
            </View>
            <View className="bulletin-top">
              {d.summary.topFloors.map((f) => (
                <Text key={f.id} className="bulletin-top-row">
                  {f.name}：{f.count}
                </Text>
              ))}
            </View>
          </View>
          <View className="bulletin-actions">
            <Button type="primary" loading={exporting} onClick={() => void exportXlsx()}>
              导出 Excel
            </Button>
            {process.env.TARO_ENV === 'h5' && <Button onClick={() => window.print()}>打印</Button>}
          </View>
        </View>
      )}
    </View>
  )
}
