// 随手拍: the QR landing page. Reads the floor's scene from the launch options (weapp) or the URL (H5).
import { View, Text } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useEffect, useState } from 'react'
import { onReportQueue } from '../../services/report-outbox'
import { currentPersona } from '../../services/persona'
import { loadWorkbench, syncTabBar } from '../../services/tab-bar'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { PrivacySheet } from '../../components/PrivacySheet'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { useLiveReach } from '../../hooks/use-live-reach'
import { call } from '../../services'
import { sceneFromParams } from '../../scene'
import { floorOfScene, reportCategories } from './early'
import type { TicketView } from '../../../types/api/ticket'
import { FloorHeader } from './parts/FloorHeader'
import { FloorPicker } from './parts/FloorPicker'
import { OpenHazards } from './parts/OpenHazards'
import { OpenRounds } from './parts/OpenRounds'
import { ReportForm } from './parts/ReportForm'
import './index.scss'

export default function ReportPage(): JSX.Element {
  const router = useRouter()
  const scene = sceneFromParams(router.params)
  const [pickedFloor, setPickedFloor] = useState(router.params.floorId ?? '')
  const [done, setDone] = useState<TicketView>()
  const [queued, setQueued] = useState<string>()
  const [persona, setPersona] = useState(0)
  // The answer came once the report was committed: 正在通知 … until the follow-up call says how
  // the push to the owner ended.
  useLiveReach(done, setDone)

  const header = useRequest(async () => {
    if (pickedFloor) return call('org', 'floor', { floorId: pickedFloor })
    if (scene) return floorOfScene(scene)
    return undefined
  }, [scene, pickedFloor, persona])
  const floorId = header.data?.floor.id ?? ''
  const categories = useRequest(reportCategories, [persona])
  const open = useRequest(
    async () => (floorId ? call('ticket', 'openOnFloor', { floorId }) : { items: [] }),
    [floorId, persona, done],
  )
  // Only a QR code the server does not know is "失效"; a slow network is not.
  const ready = Boolean(categories.data)
  useEffect(() => {
    // The tab bar follows the role (我的上报 and its badge) — after the form is up, never before it.
    if (!ready) return
    loadWorkbench(currentPersona())
      .then(syncTabBar)
      .catch(() => undefined)
  }, [ready, persona])
  useEffect(() => {
    // A queued report turns into 已上报 only when the server has accepted it.
    if (!queued) return
    return onReportQueue((sent) => {
      const mine = sent.find((s) => s.clientKey === queued)
      if (!mine) return
      setQueued(undefined)
      setDone(mine.ticket)
    })
  }, [queued])
  const qrInvalid = header.errorCode === 'qr.invalid' && !pickedFloor && scene
  const invalid = header.error

  return (
    <View className="page report-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      <PrivacySheet />
      {!scene && !pickedFloor && (
        <View className="section report-intro">
          <Text className="section-title">随手拍隐患</Text>
          <Text className="muted">扫描楼层公示栏上的二维码即可上报；也可以在下面选择楼层。</Text>
        </View>
      )}
      {qrInvalid && (
        <View className="section report-invalid">
          <Text className="report-invalid-title">这个二维码已失效</Text>
          <Text className="muted">请在下面手动选择所在楼层，或告知安全办更换二维码。</Text>
        </View>
      )}
      {!header.data && !header.loading && (!scene || qrInvalid || pickedFloor) && (
        <FloorPicker onPick={setPickedFloor} />
      )}
      {/* A reload (another persona, a retry) keeps the floor in place: nothing above it moves. */}
      {header.loading && !header.data && <StateView loading />}
      {invalid && !qrInvalid && <StateView error={invalid} onRetry={() => void header.reload()} />}
      {header.data && <FloorHeader header={header.data} />}
      {header.data && <OpenRounds floorId={floorId} persona={persona} />}
      {queued && !done ? (
        <View className="section report-queued">
          <Text className="report-queued-title">已保存，联网后自动上报</Text>
          <Text className="muted">
            照片和内容已存在手机上，恢复网络后会自动发送，发送前可在“我的”里看到它。
          </Text>
          <Button className="report-done-again" onClick={() => setQueued(undefined)}>
            再报一条
          </Button>
        </View>
      ) : done ? (
        <View className="section report-done">
          <Text className="report-done-title">✅ 已上报，谢谢你！</Text>
          {/* Who was reached comes from the outbox's results, never a guess. */}
          {done.reach.slice(0, 1).map((r) => (
            <Text key={r.at} className={`report-reach ${r.ok ? 'report-reach-ok' : 'muted'}`}>
              {r.text}
            </Text>
          ))}
          <Text className="muted">
            由 {done.levelLabel} {done.ownerName} 负责处理，进度会通过微信提醒你。
          </Text>
          <Button
            type="primary"
            className="report-done-view"
            onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${done.id}` })}
          >
            查看进度
          </Button>
          <Button className="report-done-again" onClick={() => setDone(undefined)}>
            再报一条
          </Button>
        </View>
      ) : (
        header.data && (
          <>
            <OpenHazards items={open.data?.items ?? []} onChanged={() => void open.reload()} />
            <StateView
              loading={categories.loading && !categories.data}
              error={categories.error}
              onRetry={() => void categories.reload()}
            />
            {categories.data && (
              <ReportForm
                key={floorId}
                floorId={floorId}
                place={`${header.data.building.name} · ${header.data.floor.name}`}
                categories={categories.data}
                onDone={setDone}
                onQueued={setQueued}
              />
            )}
          </>
        )
      )}
    </View>
  )
}
