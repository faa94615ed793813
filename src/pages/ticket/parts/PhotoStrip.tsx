// A labelled row of photos (整改前 / 整改后); tapping one opens the platform's viewer.
import { View, Text, Image } from '@tarojs/components'
import Taro from '@tarojs/taro'

export function PhotoStrip({
  label,
  kind,
  ids,
  urls,
}: {
  label: string
  kind: 'before' | 'after'
  ids: string[]
  urls: Record<string, string>
}): JSX.Element | null {
  if (ids.length === 0) return null
  const all = ids.map((p) => urls[p] ?? p)
  return (
    <View className={`photo-strip photo-strip-${kind}`}>
      <Text className={`photo-strip-label photo-strip-label-${kind}`}>{label}</Text>
      <View className="ticket-photos">
        {ids.map((p, i) => (
          <Image
            key={p}
            className="ticket-photo"
            mode="aspectFill"
            src={all[i]}
            onClick={() => void Taro.previewImage({ urls: all, current: all[i] })}
          />
        ))}
      </View>
    </View>
  )
}
