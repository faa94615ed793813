// 待办: the captain's to-do list.
import { View } from '@tarojs/components'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'

export default function InboxPage(): JSX.Element {
  return (
    <View className="page inbox-page">
      <DevPersonaBar />
      <StateView empty emptyText="暂无待办" />
    </View>
  )
}
