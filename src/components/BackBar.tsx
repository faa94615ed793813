// H5 only: a back button on pushed pages (the mini-program draws the system one). When the page was
// opened directly (a QR code, a push link) there is no history, so it goes to the app's home tab.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'

function Bar({ title }: { title?: string }): JSX.Element {
  const back = () => {
    if (Taro.getCurrentPages().length > 1) void Taro.navigateBack()
    else void Taro.switchTab({ url: '/pages/report/index' })
  }
  return (
    <View className="back-bar">
      <View className="back-bar-button" onClick={back}>
        <Text className="back-bar-arrow">‹</Text>
        <Text>返回</Text>
      </View>
      {title && <Text className="back-bar-title">{title}</Text>}
    </View>
  )
}

/** A back bar on H5; nothing on weapp. */
export const BackBar: typeof Bar =
  process.env.TARO_ENV === 'h5' ? Bar : () => null as unknown as JSX.Element
