// Hazards already open on this floor: "+1 我也看到了" supports one instead of filing a duplicate.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { TicketSummary } from '../../../../types/api/ticket'
import { call, messageOf } from '../../../services'

export function OpenHazards({
  items,
  onChanged,
}: {
  items: TicketSummary[]
  onChanged: () => void
}): JSX.Element | null {
  const [busy, setBusy] = useState('')
  if (items.length === 0) return null
  const support = async (id: string) => {
    setBusy(id)
    try {
      await call('ticket', 'act', { id, action: 'support' })
      void Taro.showToast({ title: '已记录，谢谢', icon: 'success' })
      onChanged()
    } catch (error) {
      void Taro.showToast({ title: messageOf(error), icon: 'none' })
    } finally {
      setBusy('')
    }
  }
  return (
    <View className="section open-hazards">
      <Text className="section-title">本层正在处理的隐患</Text>
      {items.map((t) => (
        <View key={t.id} className="open-hazard">
          <View
            className="open-hazard-main"
            onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })}
          >
            <Text className="open-hazard-title">{t.categoryName}</Text>
            <Text className="muted open-hazard-desc">{t.description || t.place}</Text>
            <Text className="muted">
              {t.statusLabel} · {t.supportCount} 人也看到了
            </Text>
          </View>
          <Button
            size="small"
            className="open-hazard-plus"
            disabled={t.supportedByMe || busy === t.id}
            onClick={() => void support(t.id)}
          >
            {t.supportedByMe ? '已 +1' : '+1 我也看到了'}
          </Button>
        </View>
      ))}
    </View>
  )
}
