// 安全巡查: the rounds the caller leads or joins (the safety office and leadership: all), and — for
// the safety office and a 楼长 — scheduling a round they lead: a building, all its floors or some,
// who is invited (院领导, 协管员, 安全办), a checklist, a date and how often it comes back.
import { Picker, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import {
  INVITEE_ROLE_LABELS,
  RECURRENCES,
  RECURRENCE_LABELS,
  type Recurrence,
} from '../../../types/api/rounds'
import { hospitalTime } from '../../../types/time'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call, messageOf } from '../../services'
import { newClientKey } from '../../services/draft'
import '../parts/rounds.scss'

const SCHEDULERS = ['safety_office', 'building_captain']

export default function RoundsPage(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const me = useRequest(() => call('user', 'whoami', {}), [persona])
  const rounds = useRequest(() => call('rounds', 'list', { limit: 50 }), [persona])
  const user = me.data?.user
  const schedules = Boolean(user?.roles.some((r) => SCHEDULERS.includes(r)))
  return (
    <View className="page rounds-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      {schedules && user && (
        <ScheduleForm
          leaderId={user.id}
          ownBuilding={user.roles.includes('safety_office') ? undefined : user.buildingId}
          onDone={() => void rounds.reload()}
        />
      )}
      <View className="section">
        <Text className="section-title">巡查安排</Text>
        <StateView
          loading={rounds.loading && !rounds.data}
          error={rounds.error}
          empty={rounds.data?.items.length === 0}
          emptyText="还没有巡查安排"
          onRetry={() => void rounds.reload()}
        />
        {rounds.data?.items.map((r) => (
          <View
            key={r.id}
            className="round-row rounds-item"
            onClick={() => void Taro.navigateTo({ url: `/rounds/pages/walk/index?id=${r.id}` })}
          >
            <Text className="round-item-text">
              {r.date} · {r.buildingName} · {r.templateName}
            </Text>
            <Text className="muted">
              带队 {r.leader.name}
              {r.participants.length
                ? ` · 参加 ${r.participants.map((p) => p.name).join('、')}`
                : ''}{' '}
              · {RECURRENCE_LABELS[r.recurrence]} · {r.statusLabel}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}

function ScheduleForm(props: {
  leaderId: string
  ownBuilding?: string
  onDone: () => void
}): JSX.Element {
  const buildings = useRequest(() => call('org', 'buildings', {}), [])
  const templates = useRequest(() => call('rounds', 'templates.list', {}), [])
  const choices = (buildings.data ?? []).filter(
    (b) => !props.ownBuilding || b.id === props.ownBuilding,
  )
  const [b, setB] = useState(0)
  const [t, setT] = useState(0)
  const [date, setDate] = useState(hospitalTime(Date.now()).format('YYYY-MM-DD'))
  const [recurrence, setRecurrence] = useState<Recurrence>('none')
  const [message, setMessage] = useState<string>()
  const [busy, setBusy] = useState(false)
  // Floors picked (none: every floor) and people invited, for the building now chosen.
  const [floorIds, setFloorIds] = useState<string[]>([])
  const [invited, setInvited] = useState<string[]>([])
  const building = choices[b]
  const template = templates.data?.items[t]
  const invitees = useRequest(
    async () => (building ? call('rounds', 'invitees', { buildingId: building.id }) : undefined),
    [building?.id],
  )
  const toggle = (list: string[], id: string): string[] =>
    list.includes(id) ? list.filter((x) => x !== id) : [...list, id]
  const pickBuilding = (i: number) => {
    setB(i)
    setFloorIds([])
    setInvited([])
  }
  const submit = async () => {
    if (!building || !template) return
    setBusy(true)
    setMessage(undefined)
    try {
      const r = await call('rounds', 'schedule', {
        clientKey: newClientKey(),
        buildingId: building.id,
        templateId: template.templateId,
        leaderId: props.leaderId,
        ...(floorIds.length > 0 ? { floorIds } : {}),
        participantIds: invited,
        date,
        recurrence,
      })
      setMessage(`已安排：${r.date} ${r.buildingName} ${r.templateName}`)
      props.onDone()
    } catch (e) {
      setMessage(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section rounds-schedule">
      <Text className="section-title">安排巡查（本人带队）</Text>
      <Picker
        mode="selector"
        range={choices.map((x) => x.name)}
        onChange={(e) => pickBuilding(Number(e.detail.value))}
      >
        <Text className="rounds-pick rounds-pick-building">楼栋：{building?.name ?? '—'}</Text>
      </Picker>
      {building && (
        <View className="rounds-chips rounds-floors">
          <Text className="muted">楼层：</Text>
          <Text
            className={`rounds-chip rounds-floor-all${floorIds.length === 0 ? ' rounds-chip-on' : ''}`}
            onClick={() => setFloorIds([])}
          >
            全部楼层
          </Text>
          {building.floors.map((f) => (
            <Text
              key={f.id}
              className={`rounds-chip rounds-floor${floorIds.includes(f.id) ? ' rounds-chip-on' : ''}`}
              onClick={() => setFloorIds((l) => toggle(l, f.id))}
            >
              {f.name}
            </Text>
          ))}
        </View>
      )}
      <View className="rounds-chips rounds-invitees">
        <Text className="muted">邀请：</Text>
        {invitees.loading && !invitees.data && <Text className="muted">加载中…</Text>}
        {invitees.data?.people.length === 0 && <Text className="muted">暂无可邀请的人</Text>}
        {invitees.data?.people.map((p) => (
          <Text
            key={p.id}
            className={`rounds-chip rounds-invitee${invited.includes(p.id) ? ' rounds-chip-on' : ''}`}
            onClick={() => setInvited((l) => toggle(l, p.id))}
          >
            {p.name}（{INVITEE_ROLE_LABELS[p.role]}）
          </Text>
        ))}
      </View>
      <Picker
        mode="selector"
        range={(templates.data?.items ?? []).map((x) => x.name)}
        onChange={(e) => setT(Number(e.detail.value))}
      >
        <Text className="rounds-pick rounds-pick-template">检查表：{template?.name ?? '—'}</Text>
      </Picker>
      <Picker mode="date" value={date} onChange={(e) => setDate(String(e.detail.value))}>
        <Text className="rounds-pick rounds-pick-date">日期：{date}</Text>
      </Picker>
      <Picker
        mode="selector"
        range={RECURRENCES.map((r) => RECURRENCE_LABELS[r])}
        onChange={(e) => setRecurrence(RECURRENCES[Number(e.detail.value)])}
      >
        <Text className="rounds-pick rounds-pick-recurrence">
          周期：{RECURRENCE_LABELS[recurrence]}
        </Text>
      </Picker>
      <Button
        type="primary"
        className="rounds-schedule-submit"
        loading={busy}
        onClick={() => void submit()}
      >
        安排
      </Button>
      {message && <Text className="rounds-schedule-message">{message}</Text>}
    </View>
  )
}
