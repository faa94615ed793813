// 待上报: reports kept on this phone until the network lets them go; one the server refused says why
// and can be removed. Sent ones leave this list and appear in 我的上报.
import { View, Text } from '@tarojs/components'
import dayjs from 'dayjs'
import { useEffect, useState } from 'react'
import { discardQueuedReport, onReportQueue, queuedReports } from '../../../services/report-outbox'

/** The signed-in person's queued reports; `onSent` runs when any of them reached the server. */
export function QueuedReports({ onSent }: { onSent: () => void }): JSX.Element | null {
  const [items, setItems] = useState(queuedReports)
  useEffect(
    () =>
      onReportQueue((sent) => {
        setItems(queuedReports())
        if (sent.length > 0) onSent()
      }),
    [onSent],
  )
  if (items.length === 0) return null
  return (
    <>
      <View className="section-title mine-reports-title mine-queued-title">
        待上报（{items.length}）
      </View>
      {items.map((r) => (
        <View key={r.clientKey} className="section mine-queued">
          <View className="mine-queued-row">
            <Text className="mine-queued-label">{r.label}</Text>
            <Text className={r.refused ? 'mine-queued-refused' : 'mine-queued-status'}>
              {r.refused ? '未能上报' : '待上报'}
            </Text>
          </View>
          <Text className="muted">
            {dayjs(r.queuedAt).format('MM-DD HH:mm')} ·{' '}
            {r.refused ?? '已保存在手机上，联网后自动上报'}
          </Text>
          {r.refused && (
            <Text className="mine-queued-discard" onClick={() => discardQueuedReport(r.clientKey)}>
              删除
            </Text>
          )}
        </View>
      ))}
    </>
  )
}
