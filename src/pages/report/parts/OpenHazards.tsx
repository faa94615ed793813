// Hazards already open on this floor: "+1 我也看到了" supports one instead of filing a duplicate.
// Collapsed to one line so the camera stays on the first screen; a tap unfolds the list.
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import type { ActionOutput } from '../../../../types/api'
import { call, messageOf } from '../../../services'
import { statusClass } from '../../../status'

export function OpenHazards({
  items,
  onChanged,
}: {
  items: ActionOutput<'ticket', 'openOnFloor'>['items']
  onChanged: () => void
}): JSX.Element | null {
  const [busy, setBusy] = useState('')
  const [open, setOpen] = useState(false)
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
    <View className={`section open-hazards ${open ? 'open-hazards-open' : ''}`}>
      <View className="open-hazards-summary" onClick={() => setOpen(!open)}>
        <Text className="open-hazards-count">本层有 {items.length} 条未处理隐患</Text>
        <Text className="open-hazards-toggle">{open ? '收起 ▴' : '看看有没有你要报的 ▾'}</Text>
      </View>
      {open &&
        items.map((t) => (
          <View key={t.id} className="open-hazard">
            <View
              className="open-hazard-main"
              onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })}
            >
              {t.thumbUrl ? (
                <Image className="ticket-thumb" src={t.thumbUrl} mode="aspectFill" lazyLoad />
              ) : (
                <View className="ticket-thumb ticket-thumb-empty">
                  <Text>📷</Text>
                </View>
              )}
              <View className="ticket-row-body">
                <Text className="open-hazard-title">{t.categoryName}</Text>
                <Text className="muted open-hazard-desc clamp-2">{t.description || t.place}</Text>
                <View className="open-hazard-meta">
                  <Text className={statusClass(t.status, t.overdue)}>{t.statusLabel}</Text>
                  <Text className="muted"> {t.supportCount} 人也看到了</Text>
                </View>
              </View>
            </View>
            {t.mine ? (
              <Text className="muted open-hazard-mine">你上报的</Text>
            ) : !t.supportable && !t.supportedByMe ? null : (
              <Button
                size="small"
                className="open-hazard-plus"
                disabled={t.supportedByMe || busy === t.id}
                onClick={() => void support(t.id)}
              >
                {t.supportedByMe ? '已 +1' : '+1 我也看到了'}
              </Button>
            )}
          </View>
        ))}
    </View>
  )
}
