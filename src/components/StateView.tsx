// Loading, error and empty states, the same everywhere. No pictures: NutUI's Empty loads its image
// from a CDN, and the app must work with no internet at all.
import { View, Text } from '@tarojs/components'
import { Button, Loading } from '@nutui/nutui-react-taro'

interface Props {
  loading?: boolean
  error?: string
  empty?: boolean
  emptyText?: string
  onRetry?: () => void
}

/** Renders the state when there is one, or nothing. */
export function StateView({
  loading,
  error,
  empty,
  emptyText,
  onRetry,
}: Props): JSX.Element | null {
  if (error) {
    return (
      <View className="state state-error">
        <Text className="state-text">{error}</Text>
        {onRetry && (
          <View style={{ marginTop: '24px' }}>
            <Button size="small" onClick={onRetry}>
              重试
            </Button>
          </View>
        )}
      </View>
    )
  }
  if (loading) {
    return (
      <View className="state state-loading">
        <Loading type="spinner">加载中…</Loading>
      </View>
    )
  }
  if (empty)
    return (
      <View className="state state-empty">
        <Text className="state-empty-mark">🗂️</Text>
        <Text className="state-text">{emptyText ?? '暂无内容'}</Text>
      </View>
    )
  return null
}
