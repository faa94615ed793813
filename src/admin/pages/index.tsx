// 管理 (subpackage): organisation and roster administration.
import { View } from '@tarojs/components'
import { StateView } from '../../components/StateView'

export default function AdminPage(): JSX.Element {
  return (
    <View className="page admin-page">
      <StateView empty emptyText="管理功能建设中" />
    </View>
  )
}
