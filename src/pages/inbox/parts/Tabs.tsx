// A row of tabs with counts; tapping one also asks for push consent (captains at every level).
import { View, Text } from '@tarojs/components'

export interface TabSpec<K extends string> {
  key: K
  label: string
  count?: number
}

export function Tabs<K extends string>({
  tabs,
  active,
  onChoose,
}: {
  tabs: Array<TabSpec<K>>
  active: K
  onChoose: (key: K) => void
}): JSX.Element {
  return (
    <View className="inbox-tabs">
      {tabs.map((t) => (
        <View
          key={t.key}
          className={`inbox-tab inbox-tab-${t.key} ${active === t.key ? 'inbox-tab-active' : ''}`}
          onClick={() => onChoose(t.key)}
        >
          <Text>{t.label}</Text>
          {(t.count ?? 0) > 0 && <Text className="inbox-count">{t.count}</Text>}
        </View>
      ))}
    </View>
  )
}
