// 随手拍: the QR landing page. Reads the floor's scene from the launch options (weapp) or the URL (H5).
import { View, Text } from '@tarojs/components'
import { useRouter } from '@tarojs/taro'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { sceneFromParams } from '../../scene'

export default function ReportPage(): JSX.Element {
  const router = useRouter()
  const scene = sceneFromParams(router.params)
  return (
    <View className="page report-page">
      <DevPersonaBar />
      <View className="section">
        <Text className="section-title">随手拍隐患</Text>
        <Text className="muted report-scene">{scene ? `楼层码：${scene}` : '请扫描楼层公示栏上的二维码'}</Text>
      </View>
    </View>
  )
}
