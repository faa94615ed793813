// A round walked floor by floor: the leader (or a participant) answers each item 合格 / 不合格 /
// 不适用; a 不合格 takes its photo and becomes a hazard when it reaches the server. The round and
// every answer live on the device, so a stairwell without signal loses nothing.
import { Text, View } from '@tarojs/components'
import Taro, { useRouter } from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useCallback, useEffect, useMemo, useState } from 'react'
import { ANSWER_LABELS, ANSWER_VALUES, type AnswerValue } from '../../../../types/api/rounds'
import { DevPersonaBar } from '../../../components/DevPersonaBar'
import { StateView } from '../../../components/StateView'
import { ApiError, call, messageOf } from '../../../services'
import { newClientKey, newPhotoKey } from '../../../services/draft'
import { keepPhoto } from '../../../services/kept-photos'
import { currentPersona } from '../../../services/persona'
import { choosePhotos } from '../../../services/photo'
import {
  answersOnDevice,
  answersWaiting,
  keepAnswer,
  onAnswers,
  saveWalk,
  savedWalk,
  startRoundOutbox,
  syncAnswers,
  type RoundWalk,
} from '../../../services/round-outbox'
import type { DraftPhoto } from '../../../services/report-queue'
import { shownAnswers, type ShownAnswer } from '../../parts/walk-state'
import '../../parts/rounds.scss'

const STATE_WORDS: Record<ShownAnswer['state'], string> = {
  waiting: '待同步',
  kept: '已同步',
  refused: '未保存',
}

/** Takes one photo and keeps it on the device; undefined when cancelled. */
async function takePhoto(): Promise<DraftPhoto | undefined> {
  const [path] = await choosePhotos(1)
  if (!path) return undefined
  const key = newPhotoKey()
  return { key, local: await keepPhoto(path, key) }
}

export default function RoundWalkPage(): JSX.Element {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [walk, setWalk] = useState<RoundWalk | undefined>(() => savedWalk(id))
  const [offline, setOffline] = useState(false)
  const [error, setError] = useState<string>()
  const [floorId, setFloorId] = useState(params.floorId ?? '')
  const [tick, setTick] = useState(0)
  const [persona, setPersona] = useState(0)
  const [busy, setBusy] = useState(false)

  const load = useCallback(async () => {
    try {
      const fresh = await call('rounds', 'get', { id })
      saveWalk(fresh)
      setWalk(fresh)
      setOffline(false)
      setError(undefined)
    } catch (e) {
      // Without network the saved walk stands in; anything else is said as it is.
      if (e instanceof ApiError && e.code === 'network' && savedWalk(id)) setOffline(true)
      else setError(messageOf(e))
    }
  }, [id])
  useEffect(() => {
    void load()
  }, [load, persona])
  // Answers kept on this phone go out now and whenever the network or the app comes back.
  useEffect(startRoundOutbox, [])
  useEffect(() => onAnswers(() => setTick((n) => n + 1)), [])

  const floors = walk?.round.floors ?? []
  const current = floorId || floors[0]?.id || ''
  const shown = useMemo(
    () => shownAnswers(walk?.answers ?? [], answersOnDevice(id)),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [walk, id, tick],
  )
  const waiting = answersWaiting(id)
  const items = walk?.template?.sections ?? []
  const total = items.reduce((n, s) => n + s.items.length, 0)
  const doneOn = (fid: string) => [...shown.keys()].filter((k) => k.startsWith(`${fid}:`)).length

  /** Records an answer; a 不合格 takes its photo, and when fixed there also the after-photo. */
  const answer = async (
    itemId: string,
    value: AnswerValue,
    photoRequired: boolean,
    fixedThere = false,
  ) => {
    setError(undefined)
    const shoot = () =>
      takePhoto().catch((e: unknown) => {
        setError(messageOf(e))
        return undefined
      })
    let photos: DraftPhoto[] = []
    let fixedPhotos: DraftPhoto[] = []
    if (value === 'fail' || (photoRequired && value === 'pass')) {
      const photo = await shoot()
      if (!photo) return
      photos = [photo]
    }
    if (fixedThere) {
      void Taro.showToast({ title: '请拍整改后的照片', icon: 'none' })
      const after = await shoot()
      if (!after) return
      fixedPhotos = [after]
    }
    keepAnswer({
      clientKey: newClientKey(),
      roundId: id,
      owner: currentPersona(),
      floorId: current,
      itemId,
      value,
      photos,
      fixedPhotos,
      answeredAt: Date.now(),
    })
  }

  const act = async (action: 'start' | 'finish') => {
    setBusy(true)
    try {
      await call('rounds', action, { id })
      await load()
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  if (!walk)
    return (
      <View className="page round-page">
        <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
        <StateView loading={!error} error={error} onRetry={() => void load()} />
      </View>
    )
  const r = walk.round
  return (
    <View className="page round-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      <View className="section round-head">
        <Text className="round-title">
          {r.buildingName} · {r.templateName}
        </Text>
        <Text className="muted round-meta">
          {r.date} · 带队 {r.leader.name} · {r.statusLabel}
        </Text>
        {offline && <Text className="round-offline">离线中：答案保存在手机上，联网后自动同步</Text>}
        <Text className={`round-sync ${waiting ? 'round-sync-waiting' : 'round-sync-done'}`}>
          {waiting ? `${waiting} 项待同步` : '全部已同步'}
        </Text>
        {error && <Text className="round-error">{error}</Text>}
        {r.canStart && (
          <Button
            type="primary"
            className="round-start"
            loading={busy}
            onClick={() => void act('start')}
          >
            开始巡查
          </Button>
        )}
      </View>
      {r.status !== 'scheduled' && walk.template && (
        <>
          <View className="round-floors">
            {floors.map((f) => (
              <Text
                key={f.id}
                className={`round-floor${f.id === current ? ' round-floor-active' : ''}`}
                onClick={() => setFloorId(f.id)}
              >
                {f.name} {doneOn(f.id)}/{total}
              </Text>
            ))}
          </View>
          {items.map((s) => (
            <View key={s.title} className="section round-section">
              <Text className="section-title">{s.title}</Text>
              {s.items.map((item) => {
                const a = shown.get(`${current}:${item.id}`)
                return (
                  <View key={item.id} className="round-item" data-item={item.id}>
                    <Text className="round-item-text">{item.text}</Text>
                    {item.howTo && <Text className="muted round-item-how">{item.howTo}</Text>}
                    {r.canAnswer && (
                      <View className="round-answers">
                        {ANSWER_VALUES.map((v) => (
                          <Text
                            key={v}
                            className={`round-answer round-answer-${v}${a?.value === v ? ' round-answer-chosen' : ''}`}
                            onClick={() => void answer(item.id, v, item.photoRequired)}
                          >
                            {ANSWER_LABELS[v]}
                          </Text>
                        ))}
                        <Text
                          className="round-answer round-answer-fixed"
                          onClick={() => void answer(item.id, 'fail', item.photoRequired, true)}
                        >
                          立行立改
                        </Text>
                      </View>
                    )}
                    {a && (
                      <View className="round-item-state">
                        <Text className={`round-state round-state-${a.state}`}>
                          {ANSWER_LABELS[a.value]} · {STATE_WORDS[a.state]}
                        </Text>
                        {a.ticketId && (
                          <Text
                            className="link round-ticket"
                            onClick={() =>
                              void Taro.navigateTo({ url: `/pages/ticket/index?id=${a.ticketId}` })
                            }
                          >
                            {a.fixedOnSpot ? '已立行立改' : '已上报隐患'}
                          </Text>
                        )}
                        {a.message && <Text className="round-state-message">{a.message}</Text>}
                      </View>
                    )}
                  </View>
                )
              })}
            </View>
          ))}
          <View className="section round-foot">
            {waiting > 0 && (
              <Button className="round-sync-now" onClick={() => void syncAnswers()}>
                立即同步
              </Button>
            )}
            <Button
              className="round-report"
              onClick={() => void Taro.navigateTo({ url: `/rounds/pages/report/index?id=${id}` })}
            >
              巡查报告
            </Button>
            {r.canFinish && (
              <Button
                type="primary"
                className="round-finish"
                loading={busy}
                disabled={waiting > 0}
                onClick={() => void act('finish')}
              >
                {waiting > 0 ? '同步完成后可结束巡查' : '结束巡查'}
              </Button>
            )}
          </View>
        </>
      )}
    </View>
  )
}
