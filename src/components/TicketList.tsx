// A list of tickets; tapping one opens it.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { TicketSummary } from '../../types/api/ticket'
import { LEVEL_LABELS } from '../../types/ticket'

export function TicketList({ items }: { items: TicketSummary[] }): JSX.Element {
  return (
    <View className="ticket-list">
      {items.map((t) => (
        <View
          key={t.id}
          className="section ticket-item"
          onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })}
        >
          <View className="ticket-item-row">
            <Text className="ticket-item-title">{t.categoryName}</Text>
            <Text className={`ticket-item-status ticket-status-${t.status}`}>{t.statusLabel}</Text>
          </View>
          <Text className="muted">{t.place}</Text>
          {t.description && <Text className="ticket-item-desc">{t.description}</Text>}
          {t.escalationNote && <Text className="ticket-item-escalation">⬆ {t.escalationNote}</Text>}
          <Text className="muted">
            {dayjs(t.createdAt).format('MM-DD HH:mm')} · {LEVEL_LABELS[t.level] ?? ''}处理
            {t.supportCount ? ` · ${t.supportCount} 人也看到了` : ''}
          </Text>
        </View>
      ))}
    </View>
  )
}
