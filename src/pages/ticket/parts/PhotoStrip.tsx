// A labelled row of photos (整改前 / 整改后); tapping one opens the platform's viewer.
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PhotoState } from '../../../../types/api/media'
import { PhotoTile } from '../../../components/PhotoTile'

export function PhotoStrip({
  label,
  kind,
  ids,
  urls,
  states,
}: {
  label: string
  kind: 'before' | 'after'
  ids: string[]
  urls: Record<string, string>
  /** Content-check state per photo: pending ones may be hidden, flagged ones blurred. */
  states?: Record<string, PhotoState>
}): JSX.Element | null {
  if (ids.length === 0) return null
  // Only photos this viewer may see plainly go to the viewer; never a raw cloud:// id.
  const plain = ids.filter((p) => urls[p] && (states?.[p] ?? 'pass') !== 'flagged')
  const all = plain.map((p) => urls[p])
  return (
    <View className={`photo-strip photo-strip-${kind}`}>
      <Text className={`photo-strip-label photo-strip-label-${kind}`}>{label}</Text>
      <View className="ticket-photos">
        {ids.map((p) =>
          plain.includes(p) && states?.[p] !== 'redacted' ? (
            <Image
              key={p}
              className="ticket-photo"
              mode="aspectFill"
              src={urls[p]}
              onClick={() => void Taro.previewImage({ urls: all, current: urls[p] })}
            />
          ) : (
            <PhotoTile
              key={p}
              ticket={{ photoUrls: urls, photoStates: states }}
              fileId={p}
              className="ticket-photo"
            />
          ),
        )}
      </View>
    </View>
  )
}
