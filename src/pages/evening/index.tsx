// 晚间问题清单: a building's day for its 楼长 and 协管员 — new, fixed on the spot, still open,
// overdue, escalated to them — grouped by floor; each row opens the ticket. Reached from the
// evening push, from 我的 (the list kept in the app) and from 待办; opening it clears its badge.
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { useState } from 'react'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import { askConsent } from '../../services/consent'
import './index.scss'

const TAGS: Array<[string, string]> = [
  ['new', '新增'],
  ['fixed', '立行立改'],
  ['open', '未结'],
  ['overdue', '逾期'],
  ['escalated', '升级给我'],
]
const TAG_LABEL = Object.fromEntries(TAGS)

export default function EveningPage(): JSX.Element {
  const { params } = useRouter()
  const [persona, setPersona] = useState(0)
  const buildingId = params.buildingId ?? ''
  const list = useRequest(
    async () =>
      buildingId
        ? call('ticket', 'evening', { buildingId, ...(params.date ? { date: params.date } : {}) })
        : undefined,
    [buildingId, params.date, persona],
  )
  const data = list.data
  return (
    <View className="page evening-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      {!buildingId && <StateView empty emptyText="没有指定楼栋" />}
      <StateView
        loading={list.loading && !data}
        error={list.error}
        onRetry={() => void list.reload()}
      />
      {data && (
        <>
          <View className="section evening-head">
            <Text className="section-title">
              {data.building.name} · {data.date}
            </Text>
            <View className="evening-counts">
              {TAGS.map(([key, label]) => (
                <View key={key} className={`evening-count evening-count-${key}`}>
                  <Text className="evening-count-n">{data.counts[key] ?? 0}</Text>
                  <Text className="muted">{label}</Text>
                </View>
              ))}
            </View>
            <Text className="muted evening-how">
              有未结隐患的晚上，清单都会留在「我的」里；开启长期提醒或点下方按钮后，也会推送到微信。
            </Text>
            {/* Its own request: the three hazard templates keep theirs. */}
            <Text className="link evening-subscribe" onClick={() => void askConsent('evening')}>
              下次也推送到微信（点一次推送一次）
            </Text>
          </View>
          {data.floors.length === 0 && <StateView empty emptyText="今天这栋楼没有需要关注的隐患" />}
          {data.floors.map((f) => (
            <View key={f.floorId} className="section evening-floor">
              <Text className="section-title">{f.floorName}</Text>
              {f.items.map((t) => (
                <View
                  key={t.id}
                  className="evening-item"
                  onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${t.id}` })}
                >
                  <View className="evening-item-row">
                    <Text className="evening-item-title">{t.categoryName}</Text>
                    <Text className={`ticket-status-${t.status}`}>{t.statusLabel}</Text>
                  </View>
                  <Text className="muted evening-item-desc">{t.description || t.place}</Text>
                  <View className="evening-tags">
                    {t.tags.map((tag) => (
                      <Text key={tag} className={`evening-tag evening-tag-${tag}`}>
                        {TAG_LABEL[tag] ?? tag}
                      </Text>
                    ))}
                  </View>
                </View>
              ))}
            </View>
          ))}
        </>
      )}
    </View>
  )
}
