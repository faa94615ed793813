// A list of tickets: first photo, category, status colour, place, two lines of description.
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import dayjs from 'dayjs'
import type { TicketSummary } from '../../types/api/ticket'
import { LEVEL_LABELS } from '../../types/ticket'
import { groupByFloor } from '../lists'
import { statusClass } from '../status'

/** One row; tapping opens the ticket (the server decides what the viewer may do there). */
export function TicketRow({ t }: { t: TicketSummary }): JSX.Element {
  return (
    <View
      className={`section ticket-item ticket-row ${t.overdue ? 'ticket-item-overdue' : ''}`}
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
        <View className="ticket-item-row">
          <Text className="ticket-item-title">
            {t.grade === 'major' && <Text className="grade-tag grade-tag-major">重大</Text>}
            {t.categoryName}
          </Text>
          <Text className={`ticket-item-status ${statusClass(t.status, t.overdue)}`}>
            {t.overdue ? `已超期·${t.statusLabel}` : t.statusLabel}
          </Text>
        </View>
        <Text className="muted">{t.place}</Text>
        {t.description && <Text className="ticket-item-desc clamp-2">{t.description}</Text>}
        {t.standing && <Text className="ticket-item-standing">{t.standing}</Text>}
        {t.escalationNote && <Text className="ticket-item-escalation">⬆ {t.escalationNote}</Text>}
        <Text className="muted">
          {dayjs(t.createdAt).format('MM-DD HH:mm')} · {LEVEL_LABELS[t.level] ?? ''}
          {t.ownerName ? ` ${t.ownerName}` : ''}处理
          {t.supportCount ? ` · ${t.supportCount} 人也看到了` : ''}
        </Text>
        {(t.owned || t.overdue || t.awaitingConfirm) && (
          <View className="ticket-flags">
            {t.awaitingConfirm && <Text className="ticket-flag ticket-flag-confirm">待你确认</Text>}
            {t.owned && <Text className="ticket-flag ticket-flag-owned">我负责</Text>}
            {t.overdue && <Text className="ticket-flag ticket-flag-overdue">超期</Text>}
          </View>
        )}
      </View>
    </View>
  )
}

/** Tickets in the order given. */
export function TicketList({ items }: { items: TicketSummary[] }): JSX.Element {
  return (
    <View className="ticket-list">
      {items.map((t) => (
        <TicketRow key={t.id} t={t} />
      ))}
    </View>
  )
}

/** Tickets grouped under a heading per floor, with the floor's count of open work. */
export function FloorGroupedList({
  items,
  openByFloor,
}: {
  items: TicketSummary[]
  openByFloor: Record<string, number>
}): JSX.Element {
  return (
    <View className="ticket-list ticket-list-grouped">
      {groupByFloor(items).map((g) => (
        <View key={g.floorId} className={`floor-group floor-group-${g.floorId}`}>
          <View className="floor-group-title">
            <Text>{g.area}</Text>
            <Text className="muted floor-group-count">
              {openByFloor[g.floorId] ?? g.items.length} 条未办结
            </Text>
          </View>
          {g.items.map((t) => (
            <TicketRow key={t.id} t={t} />
          ))}
        </View>
      ))}
    </View>
  )
}
