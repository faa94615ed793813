// The rounds due for the caller (today or overdue, not yet done), at the top of their 待办, and the
// way to every round; opening one asks consent for the next round's reminder.
import { Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { useRequest } from '../../../hooks/use-request'
import { call } from '../../../services'
import { askConsent } from '../../../services/consent'

/** Due rounds as links to walk them; nothing when none is due. */
export function DueRounds({
  tick,
  showAll,
}: {
  tick: number
  showAll: boolean
}): JSX.Element | null {
  const due = useRequest(() => call('rounds', 'due', {}), [tick])
  const items = due.data?.items ?? []
  if (items.length === 0 && !showAll) return null
  const go = (url: string) => {
    void askConsent('round')
    void Taro.navigateTo({ url })
  }
  return (
    <View className="section inbox-rounds">
      {items.map((r) => (
        <View
          key={r.id}
          className="inbox-round"
          onClick={() => go(`/rounds/pages/walk/index?id=${r.id}`)}
        >
          <Text>
            🧭 {r.date} 巡查：{r.buildingName} · {r.templateName}（{r.statusLabel}） ›
          </Text>
        </View>
      ))}
      {showAll && (
        <Text className="link inbox-rounds-all" onClick={() => go('/rounds/pages/index')}>
          全部巡查安排 ›
        </Text>
      )}
    </View>
  )
}
