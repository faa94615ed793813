// 隐患详情: one ticket.
import { View } from '@tarojs/components'
import { StateView } from '../../components/StateView'

export default function TicketPage(): JSX.Element {
  return (
    <View className="page ticket-page">
      <StateView empty emptyText="没有找到这条隐患" />
    </View>
  )
}
