// The actions the server allows this caller, as buttons, with the evidence each one needs.
import { View, Text, Textarea, Image, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Rate } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import dayjs from 'dayjs'
import { ACTION_LABELS, type TicketAction } from '../../../../types/ticket'
import type { ActInput, TicketView } from '../../../../types/api/ticket'
import { ApiError, call, messageOf } from '../../../services'
import { askConsent } from '../../../services/consent'
import { choosePhotos, uploadPhoto } from '../../../services/photo'

const NEEDS_PHOTO: TicketAction[] = ['fix', 'complete']
const NEEDS_REASON: TicketAction[] = [
  'sendBack',
  'reject',
  'reopen',
  'escalate',
  'transfer',
  'duplicate',
]
const CAPTAIN_ACTIONS: TicketAction[] = ['accept', 'fix', 'defer', 'complete']
const DEPARTMENTS = [
  { id: 'general-affairs', name: '总务科' },
  { id: 'security-dept', name: '保卫科' },
  { id: 'equipment', name: '设备科' },
  { id: 'property', name: '后勤物业公司' },
  { id: 'it', name: '信息科' },
]

export function ActionPanel({
  ticket,
  onChanged,
}: {
  ticket: TicketView
  onChanged: (t: TicketView) => void
}): JSX.Element | null {
  const [active, setActive] = useState<TicketAction>()
  const [photos, setPhotos] = useState<Array<{ id: string; preview: string }>>([])
  const [reason, setReason] = useState('')
  const [rating, setRating] = useState(5)
  const [deadline, setDeadline] = useState(dayjs().add(3, 'day').format('YYYY-MM-DD'))
  const [department, setDepartment] = useState(0)
  const [busy, setBusy] = useState(false)
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState('')
  const actions = ticket.allowedActions.filter((a) => a !== 'support' || !ticket.mine)
  if (actions.length === 0) return null

  const submit = async (action: TicketAction) => {
    const input: ActInput = { id: ticket.id, action, version: ticket.version }
    if (NEEDS_PHOTO.includes(action)) input.afterPhotos = photos.map((p) => p.id)
    if (NEEDS_REASON.includes(action)) input.reason = reason || undefined
    if (action === 'confirm') input.rating = rating
    if (action === 'defer')
      Object.assign(input, {
        deadline: dayjs(deadline).endOf('day').toISOString(),
        departmentId: DEPARTMENTS[department].id,
        plan: reason || undefined,
      })
    if (action === 'duplicate') input.duplicateOf = ticket.id
    setBusy(true)
    setError('')
    try {
      const next = await call('ticket', 'act', input)
      setActive(undefined)
      setPhotos([])
      setReason('')
      void Taro.showToast({ title: '已提交', icon: 'success' })
      onChanged(next)
    } catch (e) {
      if (e instanceof ApiError && e.code === 'ticket.conflict' && e.data) {
        onChanged(e.data as TicketView)
        setActive(undefined)
      }
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const tap = (action: TicketAction) => {
    // Consent must be asked inside the tap, before anything awaits.
    if (CAPTAIN_ACTIONS.includes(action)) void askConsent('captain')
    const simple =
      !NEEDS_PHOTO.includes(action) &&
      !NEEDS_REASON.includes(action) &&
      action !== 'confirm' &&
      action !== 'defer'
    if (simple) void submit(action)
    else setActive(action)
  }

  const addPhoto = async () => {
    const paths = await choosePhotos(3).catch((e: unknown) => (setError(messageOf(e)), [])) // issue 8: privacy refusals explained
    setUploading((n) => n + paths.length)
    for (const path of paths) {
      try {
        const id = await uploadPhoto(path)
        setPhotos((p) => [...p, { id, preview: path }])
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setUploading((n) => n - 1)
      }
    }
  }

  return (
    <View className="section action-panel">
      <View className="action-buttons">
        {actions.map((a) => (
          <Button
            key={a}
            className={`action-button action-${a}`}
            type={a === 'fix' || a === 'confirm' || a === 'accept' ? 'primary' : 'default'}
            disabled={busy}
            onClick={() => tap(a)}
          >
            {ACTION_LABELS[a]}
          </Button>
        ))}
      </View>
      {active && (
        <View className="action-form">
          <Text className="section-title">{ACTION_LABELS[active]}</Text>
          {NEEDS_PHOTO.includes(active) && (
            <View className="action-photos">
              {photos.map((p) => (
                <Image
                  key={p.id}
                  className="action-photo action-photo-done"
                  src={p.preview}
                  mode="aspectFill"
                />
              ))}
              <View className="action-photo action-photo-add" onClick={() => void addPhoto()}>
                <Text>{uploading ? '上传中…' : '📷 整改后照片'}</Text>
              </View>
            </View>
          )}
          {active === 'defer' && (
            <>
              <Picker
                mode="date"
                value={deadline}
                start={dayjs().add(1, 'day').format('YYYY-MM-DD')}
                onChange={(e) => setDeadline(e.detail.value)}
              >
                <View className="action-field">整改期限：{deadline}</View>
              </Picker>
              <Picker
                mode="selector"
                range={DEPARTMENTS.map((d) => d.name)}
                value={department}
                onChange={(e) => setDepartment(Number(e.detail.value))}
              >
                <View className="action-field">责任部门：{DEPARTMENTS[department].name}</View>
              </Picker>
            </>
          )}
          {(NEEDS_REASON.includes(active) || active === 'defer') && (
            <Textarea
              className="action-reason"
              maxlength={200}
              placeholder={active === 'defer' ? '整改方案' : '原因'}
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
          )}
          {active === 'confirm' && (
            <View className="action-rating">
              <Text>满意度：</Text>
              <Rate value={rating} onChange={(v) => setRating(Number(v))} />
            </View>
          )}
          {error && <Text className="report-error">{error}</Text>}
          <Button
            type="primary"
            block
            className="action-submit"
            loading={busy}
            disabled={busy || uploading > 0}
            onClick={() => void submit(active)}
          >
            提交
          </Button>
        </View>
      )}
      {!active && error && <Text className="report-error">{error}</Text>}
    </View>
  )
}
