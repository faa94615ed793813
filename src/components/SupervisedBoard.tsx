// 挂牌督办: the 重大 hazards not yet signed off (销号) — what each one's 五定 plan lacks and whose
// sign-off it awaits. Shown to the safety office and 院领导 (the server refuses anyone else, and then
// nothing is shown).
import { View, Text } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { SupervisedItem } from '../../types/api/ticket'
import { useRequest } from '../hooks/use-request'
import { call, messageOf } from '../services'
import { TicketRow } from './TicketList'

function SupervisedRow({ item }: { item: SupervisedItem }): JSX.Element {
  return (
    <View className="supervised-item">
      <TicketRow t={item} />
      <View className="supervised-facts">
        <Text className={item.planMissing.length ? 'supervised-plan-missing' : 'supervised-plan'}>
          {item.planMissing.length
            ? `五定方案缺：${item.planMissing.join('、')}`
            : '五定方案已制定'}
        </Text>
        <Text className="supervised-signoffs">
          {item.signedBy.length ? `已签：${item.signedBy.join('、')} · ` : ''}
          待签：{item.awaiting.join('、')}
        </Text>
        {item.mySignoff && <Text className="supervised-mine">待我签字销号</Text>}
      </View>
    </View>
  )
}

/** The board; `onExport` (the cockpit's) adds 导出 XLSX for a viewer the server lets export. */
export function SupervisedBoard({
  tick,
  onExport,
}: {
  tick: number
  onExport?: () => Promise<void>
}): JSX.Element | null {
  const board = useRequest(() => call('ticket', 'supervised', {}), [tick])
  const [notice, setNotice] = useState<string>()
  const [busy, setBusy] = useState(false)
  const data = board.data
  if (!data) return null
  const exportNow = async (): Promise<void> => {
    setBusy(true)
    setNotice(undefined)
    try {
      await onExport!()
    } catch (error) {
      setNotice(messageOf(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section supervised-board">
      <View className="supervised-head">
        <Text className="section-title supervised-title">
          🏷️ 挂牌督办：{data.count ? `${data.count} 项重大隐患未销号` : '没有未销号的重大隐患'}
        </Text>
        {onExport && data.canExport && (
          <Button
            size="small"
            className="supervised-export"
            loading={busy}
            onClick={() => void exportNow()}
          >
            导出重大隐患（XLSX）
          </Button>
        )}
      </View>
      {notice && <Text className="admin-error supervised-notice">{notice}</Text>}
      {data.items.map((item) => (
        <SupervisedRow key={item.id} item={item} />
      ))}
    </View>
  )
}
