// 值守名册: one building's 楼长, 协管员 and 层长 (with deputies and validity dates); hand a duty
// over (history kept), end one, invite a person to bind their WeChat, unbind.
import { View, Text, Input, Image, Switch, Picker } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useMemo, useState } from 'react'
import { useRouter } from '@tarojs/taro'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import type { DutyRow } from '../../../../types/api/org-admin'
import type { ActionOutput } from '../../../../types'
import { AdminNav } from '../../parts/AdminNav'
import { shanghai } from '../../parts/format'
import '../../parts/admin.scss'

type Invite = ActionOutput<'org', 'invite.create'> & { name: string }
const KINDS = [
  { kind: 'floor_captain', label: '层长' },
  { kind: 'coordinator', label: '协管员' },
  { kind: 'building_captain', label: '楼长' },
] as const

export default function RosterPage(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const places = useRequest(() => call('org', 'places.list', {}), [persona])
  const router = useRouter()
  const [buildingId, setBuildingId] = useState(router.params.buildingId ?? '')
  const [history, setHistory] = useState(false)
  const [tick, setTick] = useState(0)
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()
  const [invite, setInvite] = useState<Invite>()
  const buildings = useMemo(
    () => places.data?.buildings.filter((b) => b.active) ?? [],
    [places.data],
  )
  useEffect(() => {
    if (!buildingId && buildings[0]) setBuildingId(buildings[0].id)
  }, [buildings, buildingId])
  const building = buildings.find((b) => b.id === buildingId)
  const duties = useRequest(
    async () => (buildingId ? call('org', 'duties.list', { buildingId, history }) : { duties: [] }),
    [buildingId, history, tick, persona],
  )
  const act = async (work: () => Promise<string>) => {
    setNotice(undefined)
    try {
      setNotice({ ok: true, text: await work() })
      setTick((n) => n + 1)
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    }
  }
  const floorName = (id: string | null) =>
    id ? (building?.floors.find((f) => f.id === id)?.name ?? id) : '整栋楼'

  return (
    <View className="page admin-page roster-page">
      <AdminNav title="值守名册" onPersona={() => setPersona((n) => n + 1)} />
      <StateView
        loading={places.loading && !places.data}
        error={places.error}
        onRetry={() => void places.reload()}
      />
      {buildings.length > 0 && (
        <View className="section admin-form">
          <Picker
            mode="selector"
            range={buildings.map((b) => b.name)}
            value={Math.max(
              0,
              buildings.findIndex((b) => b.id === buildingId),
            )}
            onChange={(e) => setBuildingId(buildings[Number(e.detail.value)].id)}
          >
            <View className="admin-input roster-building">{building?.name ?? '选择楼栋'} ▾</View>
          </Picker>
          <Text className="muted">显示历史</Text>
          <Switch checked={history} onChange={(e) => setHistory(e.detail.value)} />
        </View>
      )}
      {notice && (
        <View className="section">
          <Text className={notice.ok ? 'admin-ok roster-notice' : 'admin-error roster-notice'}>
            {notice.text}
          </Text>
        </View>
      )}
      {invite && (
        <View className="section roster-invite">
          <Text className="section-title">给 {invite.name} 的绑定邀请</Text>
          <View>
            <Text className="roster-invite-code">{invite.code}</Text>
          </View>
          <Image className="admin-qr" src={invite.qr} mode="aspectFit" />
          <View>
            <Text className="muted">
              请本人用微信扫码，或在小程序「我的 › 绑定员工身份」输入 6 位邀请码。一次有效，
              {shanghai(invite.expiresAt)} 前使用。
            </Text>
          </View>
          <Button size="small" onClick={() => setInvite(undefined)}>
            关闭
          </Button>
        </View>
      )}
      <View className="admin-grid">
        <View className="section roster-list">
          <Text className="section-title">{building?.name ?? ''}</Text>
          <StateView
            loading={duties.loading && !duties.data}
            error={duties.error}
            empty={duties.data?.duties.length === 0}
            emptyText="还没有人员"
          />
          {duties.data?.duties.map((d) => (
            <DutyItem
              key={d.id}
              duty={d}
              floor={floorName(d.floorId)}
              onInvite={() =>
                void act(async () => {
                  const out = await call('org', 'invite.create', { userId: d.userId })
                  setInvite({ ...out, name: d.name })
                  return `已为 ${d.name} 生成邀请码`
                })
              }
              onUnbind={() =>
                void act(async () => {
                  await call('org', 'user.unbind', { userId: d.userId })
                  return `已解除 ${d.name} 的微信绑定`
                })
              }
              onEnd={() =>
                void act(async () => {
                  await call('org', 'duty.end', { id: d.id })
                  return `${d.name} 的${d.role}职务已结束（历史保留）`
                })
              }
            />
          ))}
        </View>
        {building && (
          <AssignForm
            key={building.id}
            buildingId={building.id}
            floors={building.floors.filter((f) => f.active)}
            onDone={(text) => act(async () => text)}
            onError={(text) => setNotice({ ok: false, text })}
          />
        )}
      </View>
    </View>
  )
}

function DutyItem({
  duty: d,
  floor,
  onInvite,
  onUnbind,
  onEnd,
}: {
  duty: DutyRow
  floor: string
  onInvite: () => void
  onUnbind: () => void
  onEnd: () => void
}) {
  return (
    <View
      className={`admin-row roster-duty ${d.current ? '' : 'roster-past'}`}
      data-user={d.userId}
    >
      <Text className="admin-tag">{d.role}</Text>
      <View className="admin-row-main">
        <Text className="roster-name">{d.name}</Text>
        <Text className="muted">
          {' '}
          {floor} · {d.phone}
        </Text>
        <View>
          <Text className="muted">
            {shanghai(d.validFrom).slice(0, 10)} 起
            {d.validTo ? ` · 至 ${shanghai(d.validTo).slice(0, 10)}` : ''}
          </Text>
        </View>
      </View>
      {d.current ? (
        <Text className={`admin-tag ${d.bound ? '' : 'admin-tag-warn'}`}>
          {d.bound ? '已绑定微信' : '未绑定'}
        </Text>
      ) : (
        <Text className="admin-tag admin-tag-off">已卸任</Text>
      )}
      {d.current && (
        <View className="admin-actions">
          <Button size="small" type="primary" className="roster-invite-btn" onClick={onInvite}>
            邀请绑定
          </Button>
          {d.bound && (
            <Button size="small" onClick={onUnbind}>
              解绑
            </Button>
          )}
          <Button size="small" onClick={onEnd}>
            结束职务
          </Button>
        </View>
      )}
    </View>
  )
}

function AssignForm({
  buildingId,
  floors,
  onDone,
  onError,
}: {
  buildingId: string
  floors: Array<{ id: string; name: string }>
  onDone: (text: string) => Promise<void>
  onError: (text: string) => void
}) {
  const [kind, setKind] = useState<(typeof KINDS)[number]['kind']>('floor_captain')
  const [floorId, setFloorId] = useState(floors[0]?.id ?? '')
  const [deputy, setDeputy] = useState(false)
  const [handover, setHandover] = useState(true)
  const [person, setPerson] = useState({ name: '', phone: '', departmentName: '' })
  const [validFrom, setValidFrom] = useState('')
  const [busy, setBusy] = useState(false)
  const submit = async () => {
    setBusy(true)
    try {
      const out = await call('org', 'duty.assign', {
        kind,
        buildingId,
        floorId: kind === 'floor_captain' ? floorId : undefined,
        // A building has one 楼长 and no deputy.
        deputy: kind !== 'building_captain' && deputy,
        person,
        handover,
        validFrom: validFrom ? new Date(`${validFrom}T00:00:00+08:00`).toISOString() : undefined,
      })
      setPerson({ name: '', phone: '', departmentName: '' })
      await onDone(
        out.ended.length
          ? `${person.name} 已接任（前任职务已结束，历史保留）`
          : `${person.name} 已上任`,
      )
    } catch (error) {
      onError(messageOf(error))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="section roster-assign">
      <Text className="section-title">任命 / 交接</Text>
      <View className="admin-actions">
        {KINDS.map((k) => (
          <Button
            key={k.kind}
            size="small"
            type={kind === k.kind ? 'primary' : 'default'}
            className={`roster-kind-${k.kind}`}
            onClick={() => setKind(k.kind)}
          >
            {k.label}
          </Button>
        ))}
      </View>
      {kind === 'floor_captain' && (
        <Picker
          mode="selector"
          range={floors.map((f) => f.name)}
          value={Math.max(
            0,
            floors.findIndex((f) => f.id === floorId),
          )}
          onChange={(e) => setFloorId(floors[Number(e.detail.value)].id)}
        >
          <View className="admin-input roster-floor">
            {floors.find((f) => f.id === floorId)?.name ?? '选择楼层'} ▾
          </View>
        </Picker>
      )}
      <View className="admin-form">
        <Input
          className="admin-input roster-person-name"
          placeholder="姓名"
          value={person.name}
          onInput={(e) => setPerson({ ...person, name: e.detail.value })}
        />
        <Input
          className="admin-input roster-person-phone"
          type="number"
          placeholder="手机"
          value={person.phone}
          onInput={(e) => setPerson({ ...person, phone: e.detail.value })}
        />
        <Input
          className="admin-input"
          placeholder="科室"
          value={person.departmentName}
          onInput={(e) => setPerson({ ...person, departmentName: e.detail.value })}
        />
        <Input
          className="admin-input"
          placeholder="生效日期 YYYY-MM-DD（默认现在）"
          value={validFrom}
          onInput={(e) => setValidFrom(e.detail.value)}
        />
      </View>
      <View className="admin-form">
        {kind !== 'building_captain' && (
          <>
            <Text>备岗（层长(备) / 协管员(备)）</Text>
            <Switch checked={deputy} onChange={(e) => setDeputy(e.detail.value)} />
          </>
        )}
        <Text>交接：结束前任</Text>
        <Switch checked={handover} onChange={(e) => setHandover(e.detail.value)} />
      </View>
      <Button
        type="primary"
        loading={busy}
        className="roster-assign-submit"
        onClick={() => void submit()}
      >
        确定
      </Button>
    </View>
  )
}
