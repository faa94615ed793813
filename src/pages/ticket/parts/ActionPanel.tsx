// The actions the server allows this caller, as buttons; each form is laid out from the evidence
// fields the server sends for that action (ticket.forms) — the client keeps no rule table.
import { View, Text, Textarea, Image, Picker } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button, Rate } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ACTION_LABELS, type TicketAction } from '../../../../types/ticket'
import type { ActInput, EvidenceField, TicketView } from '../../../../types/api/ticket'
import { hospitalClock } from '../../../../types/deadline'
import { ApiError, call, messageOf } from '../../../services'
import { askConsent } from '../../../services/consent'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { warmUploadSlots } from '../../../services/upload-slots'
import { FloorChoice } from './FloorChoice'

// Actions a reporter or a colleague takes; every other action is a captain's, whose tap banks consent.
const NOT_CAPTAIN_WORK: readonly TicketAction[] = ['confirm', 'reopen', 'support']
const PRIMARY: readonly TicketAction[] = ['accept', 'fix', 'confirm']

export function ActionPanel({
  ticket,
  onChanged,
}: {
  ticket: TicketView
  onChanged: (t: TicketView) => void
}): JSX.Element | null {
  const [active, setActive] = useState<TicketAction>()
  const photos = usePhotoUploads()
  const [reason, setReason] = useState('')
  const [plan, setPlan] = useState('')
  const [rating, setRating] = useState(5)
  // The hospital's today comes from the server's clock, never the phone's.
  const dayAfter = (days: number) =>
    hospitalClock(Date.parse(ticket.now) + days * 86400_000).slice(0, 10)
  const [deadline, setDeadline] = useState(() => dayAfter(3))
  // '' means the whole day (until 23:59:59); else a time of that day, HH:mm.
  const [deadlineTime, setDeadlineTime] = useState('')
  const [department, setDepartment] = useState(0)
  const [duplicate, setDuplicate] = useState(0)
  const [targetFloorId, setTargetFloorId] = useState('')
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  if (ticket.forms.length === 0) return null

  const fieldsOf = (action: TicketAction): EvidenceField[] =>
    ticket.forms.find((f) => f.action === action)?.fields ?? []
  const { departments, duplicates } = ticket.choices

  // Fields a person fills; the system's own fields (a reminder's target) never reach a form.
  const valueOf: Partial<Record<EvidenceField, () => unknown>> = {
    afterPhotos: () => photos.ids,
    // A day as a day (the server reads it as its end in Shanghai), a time with its offset.
    deadline: () => (deadlineTime ? `${deadline}T${deadlineTime}:00+08:00` : deadline),
    departmentId: () => departments[department]?.id,
    plan: () => plan || undefined,
    targetFloorId: () => targetFloorId || undefined,
    duplicateOf: () => duplicates[duplicate]?.id,
    reason: () => reason || undefined,
    rating: () => rating,
  }

  const submit = async (action: TicketAction) => {
    const input = { id: ticket.id, action, version: ticket.version } as Record<string, unknown>
    for (const field of fieldsOf(action)) input[field] = valueOf[field]?.()
    setBusy(true)
    setError('')
    try {
      const next = await call('ticket', 'act', input as ActInput)
      setActive(undefined)
      setReason('')
      setPlan('')
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
    if (!NOT_CAPTAIN_WORK.includes(action)) void askConsent('captain')
    setError('')
    if (fieldsOf(action).length === 0) void submit(action)
    else setActive(action)
    // Only a form that takes photos asks for upload slots, while the captain frames the shot.
    if (fieldsOf(action).includes('afterPhotos')) warmUploadSlots().catch(() => undefined)
  }

  const fields = active ? fieldsOf(active) : []
  const has = (f: EvidenceField) => fields.includes(f)
  const missingChoice =
    (has('departmentId') && departments.length === 0) ||
    (has('duplicateOf') && duplicates.length === 0)

  return (
    <View className="section action-panel">
      <View className="action-buttons">
        {ticket.forms.map(({ action }) => (
          <Button
            key={action}
            className={`action-button action-${action}`}
            type={PRIMARY.includes(action) ? 'primary' : 'default'}
            disabled={busy}
            onClick={() => tap(action)}
          >
            {ACTION_LABELS[action]}
          </Button>
        ))}
      </View>
      {active && (
        <View className="action-form">
          <Text className="section-title">{ACTION_LABELS[active]}</Text>
          {has('afterPhotos') && (
            <View className="action-photos">
              {photos.ids.map((id) => (
                <Image
                  key={id}
                  className="action-photo action-photo-done"
                  src={photos.previews[id] ?? id}
                  mode="aspectFill"
                />
              ))}
              {photos.canAdd && (
                <View className="action-photo action-photo-add" onClick={() => void photos.add()}>
                  <Text>{photos.uploading ? '上传中…' : '📷 整改后照片'}</Text>
                </View>
              )}
            </View>
          )}
          {has('deadline') && (
            <>
              <Picker
                mode="date"
                value={deadline}
                start={dayAfter(0)}
                end={dayAfter(365)}
                onChange={(e) => setDeadline(e.detail.value)}
              >
                <View className="action-field action-deadline-day">整改期限：{deadline}</View>
              </Picker>
              <Picker
                mode="time"
                value={deadlineTime || '17:00'}
                onChange={(e) => setDeadlineTime(e.detail.value)}
              >
                <View className="action-field action-deadline-time">
                  截止时间：{deadlineTime || '当天内（23:59 前）'}
                </View>
              </Picker>
              {deadlineTime && (
                <Text className="muted action-deadline-whole" onClick={() => setDeadlineTime('')}>
                  改为当天内
                </Text>
              )}
            </>
          )}
          {has('departmentId') && departments.length > 0 && (
            <Picker
              mode="selector"
              range={departments.map((d) => d.name)}
              value={department}
              onChange={(e) => setDepartment(Number(e.detail.value))}
            >
              <View className="action-field action-department">
                责任部门：{departments[department]?.name}
              </View>
            </Picker>
          )}
          {has('duplicateOf') &&
            (duplicates.length > 0 ? (
              <Picker
                mode="selector"
                range={duplicates.map((d) => d.label)}
                value={duplicate}
                onChange={(e) => setDuplicate(Number(e.detail.value))}
              >
                <View className="action-field action-duplicate">
                  与哪条重复：{duplicates[duplicate]?.label}
                </View>
              </Picker>
            ) : (
              <Text className="muted">本层没有其他未处理的隐患可以选择</Text>
            ))}
          {has('targetFloorId') && (
            <FloorChoice
              value={targetFloorId}
              exclude={ticket.floorId}
              onChange={setTargetFloorId}
            />
          )}
          {has('plan') && (
            <Textarea
              className="action-plan"
              maxlength={200}
              placeholder="整改方案"
              value={plan}
              onInput={(e) => setPlan(e.detail.value)}
            />
          )}
          {has('reason') && (
            <Textarea
              className="action-reason"
              maxlength={200}
              placeholder="原因"
              value={reason}
              onInput={(e) => setReason(e.detail.value)}
            />
          )}
          {has('rating') && (
            <View className="action-rating">
              <Text>满意度：</Text>
              <Rate value={rating} onChange={(v) => setRating(Number(v))} />
            </View>
          )}
          {(error || photos.error) && <Text className="report-error">{error || photos.error}</Text>}
          <Button
            type="primary"
            block
            className="action-submit"
            loading={busy}
            disabled={busy || photos.uploading > 0 || missingChoice}
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
