// 楼栋与楼层: add, rename, retire buildings and floors; re-issue a floor's code; print posters.
import { View, Text, Input } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { StateView } from '../../../components/StateView'
import { useRequest } from '../../../hooks/use-request'
import { call, messageOf } from '../../../services'
import type { AdminBuilding, AdminFloor } from '../../../../types/api/org-admin'
import { AdminNav } from '../../parts/AdminNav'
import { openFile } from '../../parts/files'
import '../../parts/admin.scss'

export default function PlacesPage(): JSX.Element {
  const [persona, setPersona] = useState(0)
  const scope = useRequest(() => call('org', 'admin.scope', {}), [persona])
  const places = useRequest(() => call('org', 'places.list', {}), [persona])
  const [open, setOpen] = useState('')
  const [busy, setBusy] = useState('')
  const [notice, setNotice] = useState<{ ok: boolean; text: string }>()
  const [newBuilding, setNewBuilding] = useState({ name: '', floors: '' })
  const [hospital, setHospital] = useState<string>()

  const run = async (key: string, work: () => Promise<string | void>) => {
    setBusy(key)
    setNotice(undefined)
    try {
      const text = await work()
      if (text) setNotice({ ok: true, text })
      await places.reload()
    } catch (error) {
      setNotice({ ok: false, text: messageOf(error) })
    } finally {
      setBusy('')
    }
  }
  const posters = (input: { buildingId?: string; floorId?: string }, key: string) =>
    run(key, async () => {
      const out = await call('admin', 'posters', input)
      await openFile(out.url, 'pdf')
      return `公示牌已生成，共 ${out.pages} 页`
    })

  return (
    <View className="page admin-page places-page">
      <AdminNav title="楼栋与楼层" onPersona={() => setPersona((n) => n + 1)} />
      {notice && (
        <View className="section">
          <Text className={notice.ok ? 'admin-ok places-notice' : 'admin-error places-notice'}>
            {notice.text}
          </Text>
        </View>
      )}
      <StateView
        loading={places.loading && !places.data}
        error={places.error}
        onRetry={() => void places.reload()}
      />
      {scope.data?.all && (
        <View className="section admin-form places-add-building">
          <Text className="section-title">新增楼栋</Text>
          <Input
            className="admin-input places-new-name"
            placeholder="楼栋名称，如 30号楼（新院区）"
            value={newBuilding.name}
            onInput={(e) => setNewBuilding({ ...newBuilding, name: e.detail.value })}
          />
          <Input
            className="admin-input places-new-floors"
            type="number"
            placeholder="层数"
            value={newBuilding.floors}
            onInput={(e) => setNewBuilding({ ...newBuilding, floors: e.detail.value })}
          />
          <Button
            type="primary"
            size="small"
            loading={busy === 'add'}
            onClick={() =>
              void run('add', async () => {
                await call('org', 'building.save', {
                  name: newBuilding.name,
                  floors: newBuilding.floors ? Number(newBuilding.floors) : undefined,
                })
                setNewBuilding({ name: '', floors: '' })
                return '已新增楼栋'
              })
            }
          >
            新增
          </Button>
          <Button size="small" loading={busy === 'all'} onClick={() => void posters({}, 'all')}>
            打印全院公示牌
          </Button>
          <Text className="section-title">医院名称（印在公示牌上）</Text>
          <Input
            className="admin-input places-hospital"
            value={hospital ?? places.data?.hospitalName ?? ''}
            onInput={(e) => setHospital(e.detail.value)}
          />
          <Button
            size="small"
            onClick={() =>
              void run('hospital', async () => {
                await call('org', 'settings.save', { hospitalName: hospital ?? '' })
                return '医院名称已保存'
              })
            }
          >
            保存名称
          </Button>
        </View>
      )}
      {places.data?.buildings.map((b) => (
        <BuildingCard
          key={b.id}
          building={b}
          open={open === b.id}
          busy={busy}
          all={Boolean(scope.data?.all)}
          onToggle={() => setOpen(open === b.id ? '' : b.id)}
          run={run}
          posters={posters}
        />
      ))}
    </View>
  )
}

interface CardProps {
  building: AdminBuilding
  open: boolean
  busy: string
  all: boolean
  onToggle: () => void
  run: (key: string, work: () => Promise<string | void>) => Promise<void>
  posters: (input: { buildingId?: string; floorId?: string }, key: string) => Promise<void>
}

function BuildingCard({ building: b, open, busy, all, onToggle, run, posters }: CardProps) {
  const [name, setName] = useState(b.name)
  const [floor, setFloor] = useState({ name: '', level: '' })
  const active = b.floors.filter((f) => f.active).length
  return (
    <View className={`section places-building ${b.active ? '' : 'places-retired'}`}>
      <View className="admin-row" onClick={onToggle}>
        <Text className="admin-row-main places-building-name">{b.name}</Text>
        {!b.active && <Text className="admin-tag admin-tag-off">已停用</Text>}
        <Text className="muted">
          {active} 层 {open ? '▴' : '▾'}
        </Text>
      </View>
      {open && (
        <>
          <View className="admin-form">
            <Input className="admin-input" value={name} onInput={(e) => setName(e.detail.value)} />
            <Button
              size="small"
              loading={busy === `rename-${b.id}`}
              onClick={() =>
                void run(`rename-${b.id}`, async () => {
                  await call('org', 'building.save', { id: b.id, name })
                  return '已改名'
                })
              }
            >
              改名
            </Button>
            <Button
              size="small"
              type="primary"
              className="places-building-posters"
              loading={busy === `posters-${b.id}`}
              onClick={() => void posters({ buildingId: b.id }, `posters-${b.id}`)}
            >
              打印本楼公示牌
            </Button>
            {all && (
              <Button
                size="small"
                onClick={() =>
                  void run(`retire-${b.id}`, async () => {
                    await call('org', 'building.retire', { id: b.id, retired: b.active })
                    return b.active ? '楼栋已停用' : '楼栋已恢复'
                  })
                }
              >
                {b.active ? '停用楼栋' : '恢复楼栋'}
              </Button>
            )}
          </View>
          {b.floors.map((f) => (
            <FloorRow key={f.id} floor={f} busy={busy} run={run} posters={posters} />
          ))}
          <View className="admin-form places-add-floor">
            <Input
              className="admin-input"
              placeholder="新楼层名称，如 9层"
              value={floor.name}
              onInput={(e) => setFloor({ ...floor, name: e.detail.value })}
            />
            <Input
              className="admin-input"
              type="number"
              placeholder="楼层序号"
              value={floor.level}
              onInput={(e) => setFloor({ ...floor, level: e.detail.value })}
            />
            <Button
              size="small"
              onClick={() =>
                void run(`floor-${b.id}`, async () => {
                  await call('org', 'floor.save', {
                    buildingId: b.id,
                    name: floor.name,
                    level: Number(floor.level || 0),
                  })
                  setFloor({ name: '', level: '' })
                  return '已新增楼层'
                })
              }
            >
              新增楼层
            </Button>
          </View>
        </>
      )}
    </View>
  )
}

function FloorRow({
  floor: f,
  busy,
  run,
  posters,
}: {
  floor: AdminFloor
  busy: string
  run: CardProps['run']
  posters: CardProps['posters']
}) {
  const [name, setName] = useState(f.name)
  const reissue = (keepOld: boolean) =>
    run(`code-${f.id}`, async () => {
      const ok = await Taro.showModal({
        title: '重新生成二维码',
        content: keepOld
          ? '新码生效，旧码继续可用。'
          : '新码生效，旧码立即失效（扫旧码会提示“这个二维码已失效”）。',
      })
        .then((r) => r.confirm)
        .catch(() => true)
      if (!ok) return
      const out = await call('org', 'floor.reissueCode', { id: f.id, keepOld })
      return `新二维码 ${out.scene} 已生效，请打印新的公示牌`
    })
  return (
    <View
      className={`admin-row places-floor places-floor-${f.id} ${f.active ? '' : 'places-retired'}`}
    >
      <Input
        className="admin-input places-floor-name"
        value={name}
        onInput={(e) => setName(e.detail.value)}
      />
      <Text className="muted admin-row-main">
        码 {f.scene} · V{f.codeVersion}
        {f.aliasScenes.length ? `（旧码仍可用：${f.aliasScenes.join('、')}）` : ''}
      </Text>
      {!f.active && <Text className="admin-tag admin-tag-off">已停用</Text>}
      <View className="admin-actions">
        {name !== f.name && (
          <Button
            size="small"
            onClick={() =>
              void run(`fr-${f.id}`, async () => {
                await call('org', 'floor.save', {
                  id: f.id,
                  buildingId: f.buildingId,
                  name,
                  level: f.level,
                })
                return '楼层已改名'
              })
            }
          >
            保存
          </Button>
        )}
        {f.active && (
          <Button
            size="small"
            className="places-floor-poster"
            loading={busy === `p-${f.id}`}
            onClick={() => void posters({ floorId: f.id }, `p-${f.id}`)}
          >
            公示牌
          </Button>
        )}
        <Button size="small" onClick={() => void reissue(true)}>
          新码(旧码保留)
        </Button>
        <Button size="small" onClick={() => void reissue(false)}>
          新码(旧码作废)
        </Button>
        <Button
          size="small"
          className="places-floor-retire"
          onClick={() =>
            void run(`fx-${f.id}`, async () => {
              await call('org', 'floor.retire', { id: f.id, retired: f.active })
              return f.active
                ? `${f.name}已停用，扫它的二维码会提示“这个二维码已失效”`
                : `${f.name}已恢复`
            })
          }
        >
          {f.active ? '停用' : '恢复'}
        </Button>
      </View>
    </View>
  )
}
