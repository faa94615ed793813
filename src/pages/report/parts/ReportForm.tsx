// The snap-and-report form: photo, category, submit — three taps. The draft stays on the device
// until the server acknowledges it; without network it is queued there, and its client key makes
// any retry land on the same ticket.
import { View, Text, Image, Textarea, Input, Switch } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useCallback, useEffect, useRef, useState } from 'react'
import Taro from '@tarojs/taro'
import type { Category } from '../../../../types/api/org'
import type { TicketView } from '../../../../types/api/ticket'
import { ApiError, call, messageOf } from '../../../services'
import { askConsent } from '../../../services/consent'
import {
  clearDraft,
  loadDraft,
  newClientKey,
  saveDraft,
  type ReportDraft,
} from '../../../services/draft'
import { forgetPhoto } from '../../../services/kept-photos'
import { currentPersona } from '../../../services/persona'
import { queueReport } from '../../../services/report-outbox'
import { failureKind, pendingPhotos, type DraftPhoto } from '../../../services/report-queue'
import { useReportPhotos } from '../../../hooks/useReportPhotos'
import { warmUploadSlots } from '../../../services/upload-slots'
import { PhotoProblemNote } from '../../../components/PhotoProblemNote'
import { PrivacyTip } from '../../../components/PrivacyTip'

const MAX_DESCRIPTION = 200
const MAX_SPOT = 50

interface Props {
  floorId: string
  /** Building and floor, for the queued report's line in 我的. */
  place: string
  categories: Category[]
  onDone: (ticket: TicketView) => void
  /** The report was kept on the device to be sent when the network allows. */
  onQueued: (clientKey: string) => void
}

export function ReportForm({ floorId, place, categories, onDone, onQueued }: Props): JSX.Element {
  const [draft, setDraft] = useState<ReportDraft>(
    () => loadDraft(floorId) ?? { clientKey: newClientKey(), floorId, photos: [] },
  )
  const savePhotos = useCallback(
    (list: DraftPhoto[]) => setDraft((d) => ({ ...d, photos: list })),
    [],
  )
  const photos = useReportPhotos(draft.photos, savePhotos)
  const [submitting, setSubmitting] = useState(false)
  const [error, setError] = useState('')
  const [restored] = useState(() => Boolean(loadDraft(floorId)?.photos.length))

  const [details, setDetails] = useState(() =>
    Boolean(draft.description || draft.spot || draft.anonymous),
  )

  // The toggle rides in the sticky submit bar, so nothing hides it; the details open just above
  // the bar, so the page scrolls to its end to show them (the form is the page's last part).
  const shownDetails = useRef(details)
  useEffect(() => {
    if (details && !shownDetails.current)
      void Promise.resolve(Taro.pageScrollTo({ scrollTop: 100000, duration: 200 })).catch(
        () => undefined,
      )
    shownDetails.current = details
  }, [details])

  useEffect(() => saveDraft(draft), [draft])
  // A report always has a photo: ask for upload slots while the nurse frames the shot.
  useEffect(() => {
    warmUploadSlots().catch(() => undefined)
  }, [])
  const descriptionLength = (draft.description ?? '').length
  const spotLength = (draft.spot ?? '').length
  const update = (patch: Partial<ReportDraft>) => setDraft((d) => ({ ...d, ...patch }))

  /** Sends the report now if it can; without network it is queued on the device instead. */
  const send = async (categoryId: string) => {
    const list = await photos.settled()
    if (pendingPhotos(list).length === 0) {
      try {
        const ticket = await call('ticket', 'create', {
          clientKey: draft.clientKey,
          floorId,
          categoryId,
          photos: list.flatMap((p) => (p.fileID ? [p.fileID] : [])),
          description: draft.description || undefined,
          spot: draft.spot || undefined,
          anonymous: Boolean(draft.anonymous),
        })
        clearDraft()
        for (const p of list) forgetPhoto(p.local)
        return onDone(ticket)
      } catch (e) {
        if (!(e instanceof ApiError) || failureKind(e.code) !== 'offline') throw e
      }
    }
    // The same client key goes with it: however often it is sent, the server makes one ticket.
    const category = categories.find((c) => c.id === categoryId)?.name ?? ''
    queueReport({
      clientKey: draft.clientKey,
      owner: currentPersona(),
      floorId,
      categoryId,
      description: draft.description || undefined,
      spot: draft.spot || undefined,
      anonymous: Boolean(draft.anonymous),
      photos: list,
      label: [category, place].filter(Boolean).join(' · '),
      queuedAt: Date.now(),
    })
    clearDraft()
    onQueued(draft.clientKey)
  }

  const submit = () => {
    void askConsent('reporter')
    if (photos.photos.length === 0) return setError('请先拍一张隐患照片')
    const categoryId = draft.categoryId
    if (!categoryId) return setError('请选择隐患类别')
    if (descriptionLength > MAX_DESCRIPTION) {
      setDetails(true)
      return setError(`补充说明最多 ${MAX_DESCRIPTION} 字，现在 ${descriptionLength} 字，请删减`)
    }
    if (spotLength > MAX_SPOT) {
      setDetails(true)
      return setError(`具体位置最多 ${MAX_SPOT} 字，现在 ${spotLength} 字，请删减`)
    }
    setError('')
    setSubmitting(true)
    send(categoryId)
      .catch((e) => setError(messageOf(e)))
      .finally(() => setSubmitting(false))
  }

  return (
    <View className="section report-form">
      {restored && (
        <View className="report-restored">
          <Text className="muted">已恢复上次未提交的草稿</Text>
        </View>
      )}
      <PrivacyTip />
      <Text className="section-title">① 拍照</Text>
      {photos.problem && <PhotoProblemNote problem={photos.problem} onRetry={photos.add} />}
      <View className="report-photos">
        {photos.photos.map((p) => (
          <View key={p.key} className="report-photo">
            {photos.previews[p.key] ? (
              <Image className="report-photo-img" src={photos.previews[p.key]} mode="aspectFill" />
            ) : (
              <Text className="report-photo-state muted">{p.fileID ? '已上传' : '照片'}</Text>
            )}
            {!p.fileID && (
              <Text className="report-photo-pending">
                {photos.uploading.includes(p.key) ? '上传中…' : '待上传'}
              </Text>
            )}
            <Text className="report-photo-remove" onClick={() => photos.remove(p.key)}>
              ×
            </Text>
          </View>
        ))}
        {photos.canAdd && (
          <View className="report-photo report-photo-add" onClick={() => void photos.add()}>
            <Text className="report-photo-add-icon">📷</Text>
            <Text className="muted">拍照/相册</Text>
          </View>
        )}
      </View>

      <Text className="section-title">② 选择类别</Text>
      <View className="report-categories">
        {categories.map((c) => (
          <View
            key={c.id}
            className={`report-category ${draft.categoryId === c.id ? 'report-category-active' : ''}`}
            onClick={() => update({ categoryId: c.id })}
          >
            <Text className="report-category-icon">{c.icon}</Text>
            <Text className="report-category-name">{c.name}</Text>
          </View>
        ))}
      </View>

      {details && (
        <View className="report-details">
          <Textarea
            className="report-description"
            maxlength={-1}
            placeholder={`简单描述一下隐患（最多 ${MAX_DESCRIPTION} 字）`}
            value={draft.description ?? ''}
            onInput={(e) => update({ description: e.detail.value })}
          />
          <Text
            className={`report-counter ${descriptionLength > MAX_DESCRIPTION ? 'report-counter-over' : ''}`}
          >
            {descriptionLength}/{MAX_DESCRIPTION}
          </Text>
          <Input
            className="report-spot"
            maxlength={-1}
            placeholder="房间号/具体位置（可选）"
            value={draft.spot ?? ''}
            onInput={(e) => update({ spot: e.detail.value })}
          />
          {spotLength > MAX_SPOT - 10 && (
            <Text
              className={`report-counter report-spot-counter ${spotLength > MAX_SPOT ? 'report-counter-over' : ''}`}
            >
              {spotLength}/{MAX_SPOT}
            </Text>
          )}
          <View className="report-anonymous">
            <Text>对楼层长隐藏我的姓名</Text>
            <Switch
              checked={Boolean(draft.anonymous)}
              color="#0f7b6c"
              onChange={(e) => update({ anonymous: e.detail.value })}
            />
          </View>
        </View>
      )}
      <View className="report-submit-bar">
        <View className="report-details-toggle" onClick={() => setDetails(!details)}>
          <Text>补充说明、具体位置、匿名（可选）</Text>
          <Text className="muted">{details ? '收起 ▴' : '展开 ▾'}</Text>
        </View>
        {(error || (!photos.problem && photos.error)) && (
          <Text className="report-error">{error || photos.error}</Text>
        )}
        <Button
          type="primary"
          block
          size="large"
          className="report-submit"
          loading={submitting}
          disabled={submitting}
          onClick={submit}
        >
          ③ 提交上报
        </Button>
      </View>
    </View>
  )
}
