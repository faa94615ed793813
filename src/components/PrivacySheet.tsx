// The short agreement sheet WeChat asks for (onNeedPrivacyAuthorization) before the camera opens:
// what we collect, a link to 《隐私保护指引》, agree (the agreePrivacyAuthorization button) or not now.
import { Button, Text, View } from '@tarojs/components'
import { useEffect, useState } from 'react'
import {
  answerPrivacy,
  onPrivacyAsk,
  openPrivacyContract,
  PRIVACY_AGREE_BUTTON_ID,
} from '../services/privacy'

export function PrivacySheet(): JSX.Element | null {
  const [open, setOpen] = useState(false)
  useEffect(() => onPrivacyAsk(setOpen), [])
  if (!open) return null
  return (
    <View className="privacy-sheet-mask">
      <View className="privacy-sheet">
        <Text className="privacy-sheet-title">隐私保护提示</Text>
        <Text className="privacy-sheet-text">
          拍照上报隐患需要使用你的摄像头和你选中的照片（上传前会去除位置等信息），仅用于隐患处理。
        </Text>
        <Text className="privacy-sheet-link" onClick={openPrivacyContract}>
          阅读《隐私保护指引》
        </Text>
        <View className="privacy-sheet-buttons">
          <Button className="privacy-sheet-refuse" onClick={() => answerPrivacy(false)}>
            暂不同意
          </Button>
          <Button
            id={PRIVACY_AGREE_BUTTON_ID}
            className="privacy-sheet-agree"
            openType="agreePrivacyAuthorization"
            onAgreePrivacyAuthorization={() => answerPrivacy(true)}
          >
            同意并继续
          </Button>
        </View>
      </View>
    </View>
  )
}
