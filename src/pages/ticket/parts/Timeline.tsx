// The ticket's journal: who did what, when, with what evidence.
import { View, Text } from '@tarojs/components'
import { PhotoTile } from '../../../components/PhotoTile'
import dayjs from 'dayjs'
import type { TicketView } from '../../../../types/api/ticket'

export function Timeline({ ticket }: { ticket: TicketView }): JSX.Element {
  return (
    <View className="section timeline">
      <Text className="section-title">处理记录</Text>
      {ticket.events.map((e) => (
        <View key={e.seq} className="timeline-item">
          <View className="timeline-dot" />
          <View className="timeline-body">
            <Text className="timeline-label">
              {e.label} · {e.actorName}
            </Text>
            <Text className="muted">{dayjs(e.at).format('MM-DD HH:mm')}</Text>
            {e.note && <Text className="timeline-note">{e.note}</Text>}
            {e.action !== 'create' && e.photos && e.photos.length > 0 && (
              <View className="timeline-photos">
                {e.photos.map((p) => (
                  <PhotoTile key={p} ticket={ticket} fileId={p} className="timeline-photo" />
                ))}
              </View>
            )}
          </View>
        </View>
      ))}
    </View>
  )
}
