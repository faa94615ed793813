// Choosing the floor by hand when the QR code is missing or no longer valid.
import { View, Text } from '@tarojs/components'
import { useState } from 'react'
import { call } from '../../../services'
import { useRequest } from '../../../hooks/use-request'
import { StateView } from '../../../components/StateView'

export function FloorPicker({ onPick }: { onPick: (floorId: string) => void }): JSX.Element {
  const buildings = useRequest(() => call('org', 'buildings', {}), [])
  const [open, setOpen] = useState('')
  return (
    <View className="section floor-picker">
      <Text className="section-title">选择所在楼层</Text>
      <StateView
        loading={buildings.loading}
        error={buildings.error}
        onRetry={() => void buildings.reload()}
        empty={buildings.data?.length === 0}
      />
      {buildings.data?.map((b) => (
        <View key={b.id} className="floor-picker-building">
          <View className="floor-picker-name" onClick={() => setOpen(open === b.id ? '' : b.id)}>
            <Text>{b.name}</Text>
            <Text className="muted">{open === b.id ? '收起' : `${b.floors.length} 层 ›`}</Text>
          </View>
          {open === b.id && (
            <View className="floor-picker-floors">
              {b.floors.map((f) => (
                <View key={f.id} className="floor-picker-floor" onClick={() => onPick(f.id)}>
                  <Text>{f.name}</Text>
                </View>
              ))}
            </View>
          )}
        </View>
      ))}
    </View>
  )
}
