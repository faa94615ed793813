// A one-time, one-line reminder on the report page: photograph the hazard, not patients or records.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useState } from 'react'

const KEY = 'woodpecker.privacy-tip-seen'

function seen(): boolean {
  try {
    return Boolean(Taro.getStorageSync(KEY))
  } catch {
    return false
  }
}

export function PrivacyTip(): JSX.Element | null {
  const [hidden, setHidden] = useState(seen)
  if (hidden) return null
  const dismiss = () => {
    Taro.setStorageSync(KEY, '1')
    setHidden(true)
  }
  return (
    <View className="privacy-tip">
      <Text className="privacy-tip-text">
        📷 拍隐患，不拍人：请避开患者面部、病历和屏幕上的个人信息。
      </Text>
      <Text className="privacy-tip-ok" onClick={dismiss}>
        知道了
      </Text>
    </View>
  )
}
