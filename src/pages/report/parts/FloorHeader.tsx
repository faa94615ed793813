// The floor's header, as the notice board shows it: where you are and who the captains are.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { FloorHeader as Header } from '../../../../types/api/org'

export function FloorHeader({ header }: { header: Header }): JSX.Element {
  return (
    <View className="floor-header">
      <Text className="floor-header-place">
        {header.building.name} · {header.floor.name}
      </Text>
      <View className="floor-header-captains">
        {header.captains.length === 0 && (
          <Text className="muted">本层暂未配置层长，隐患将直接交给上一级</Text>
        )}
        {header.captains.map((c) => (
          <View
            key={`${c.name}-${c.phone}`}
            className="floor-header-captain"
            onClick={() =>
              c.phone && void Taro.makePhoneCall({ phoneNumber: c.phone }).catch(() => undefined)
            }
          >
            <Text className="floor-header-role">{c.deputy ? '副层长' : '层长'}</Text>
            <Text className="floor-header-name">{c.name}</Text>
            <Text className="floor-header-phone">{c.phone}</Text>
          </View>
        ))}
      </View>
    </View>
  )
}
