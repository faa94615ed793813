// Why the camera did not open, and the way back: agree to the privacy guideline, turn the camera
// permission on, or tell the safety office — then try again. Never a dead camera tile.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import type { PhotoProblem } from '../services/photo-errors'
import { openPrivacyContract } from '../services/privacy'

export function PhotoProblemNote({
  problem,
  onRetry,
}: {
  problem: PhotoProblem
  onRetry: () => Promise<void>
}): JSX.Element {
  return (
    <View className={`photo-problem photo-problem-${problem.kind}`}>
      <Text className="photo-problem-text">{problem.message}</Text>
      <View className="photo-problem-actions">
        {problem.kind === 'denied' ? (
          <Text className="photo-problem-action" onClick={() => void Taro.openSetting()}>
            去设置
          </Text>
        ) : (
          <Text className="photo-problem-action" onClick={openPrivacyContract}>
            查看《隐私保护指引》
          </Text>
        )}
        <Text className="photo-problem-action" onClick={() => void onRetry()}>
          重新拍照
        </Text>
      </View>
    </View>
  )
}
