// 安全驾驶舱 (subpackage): charts never weigh on the main package.
import { View } from '@tarojs/components'
import { StateView } from '../../components/StateView'

export default function CockpitPage(): JSX.Element {
  return (
    <View className="page cockpit-page">
      <StateView empty emptyText="驾驶舱建设中" />
    </View>
  )
}
