// Loading, error and empty states, the same everywhere.
import { View, Text } from '@tarojs/components'
import { Button, Empty, Loading } from '@nutui/nutui-react-taro'

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
  if (empty) return <Empty className="state state-empty" description={emptyText ?? '暂无内容'} />
  return null
}
