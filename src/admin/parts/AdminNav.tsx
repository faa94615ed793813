// The admin section's header: where you are, and the way back to the admin home.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { DevPersonaBar } from '../../components/DevPersonaBar'

/** Title bar of an admin page with a link back to the admin home. */
export function AdminNav({
  title,
  home = false,
  onPersona,
}: {
  title: string
  home?: boolean
  onPersona?: () => void
}): JSX.Element {
  return (
    <>
      <DevPersonaBar onChange={onPersona} />
      <View className="admin-nav">
        {!home && (
          <Text
            className="admin-nav-back"
            onClick={() => void Taro.redirectTo({ url: '/admin/pages/index' })}
          >
            ‹ 管理首页
          </Text>
        )}
        <Text className="admin-nav-title">{title}</Text>
      </View>
    </>
  )
}
