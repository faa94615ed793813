// One ticket photo as this viewer may see it: the photo, its redacted or blurred copy, or a
// placeholder while it is still being checked. Never falls back to the raw cloud:// id.
import { Image, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { TicketView } from '../../types/api/ticket'

interface Props {
  ticket: Pick<TicketView, 'photoUrls' | 'photoStates'>
  fileId: string
  className: string
}

export function PhotoTile({ ticket, fileId, className }: Props): JSX.Element {
  const url = ticket.photoUrls[fileId]
  const state = ticket.photoStates?.[fileId]
  if (!url)
    return (
      <View className={`${className} photo-placeholder`}>
        <Text className="photo-placeholder-text">
          {state === 'flagged' ? '图片待安全办审核' : '图片审核中'}
        </Text>
      </View>
    )
  const flagged = state === 'flagged'
  return (
    <View className={`${className} photo-tile`}>
      <Image
        className={`photo-tile-img ${flagged ? 'photo-blurred' : ''}`}
        mode="aspectFill"
        src={url}
        onClick={() => {
          if (!flagged) void Taro.previewImage({ urls: [url] })
        }}
      />
      {flagged && <Text className="photo-badge photo-badge-flagged">疑似不适宜内容，已模糊</Text>}
      {state === 'redacted' && <Text className="photo-badge">已打码</Text>}
    </View>
  )
}
