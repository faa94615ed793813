// The actions the server allows this caller, as buttons; each form is laid out from the evidence
// fields the server sends for that action (ticket.forms), one widget per field kind (FIELD_WIDGETS)
// — the client keeps no rule table.
import { View, Text } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { ACTION_LABELS, type TicketAction } from '../../../../types/ticket'
import type { ActInput, FormField, TicketView } from '../../../../types/api/ticket'
import { ApiError, call, messageOf } from '../../../services'
import { askConsent } from '../../../services/consent'
import { usePhotoUploads } from '../../../hooks/usePhotoUploads'
import { warmUploadSlots } from '../../../services/upload-slots'
import { widgetOf, type FormParts } from './field-widgets'

// Actions a reporter, a colleague or a 院领导 takes; every other action is a captain's, whose tap banks
// consent.
const NOT_CAPTAIN_WORK: readonly TicketAction[] = ['confirm', 'reopen', 'support', 'signoff']
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
  // Each field's value by name; a field not yet touched holds its widget's initial value.
  const [values, setValues] = useState<Record<string, unknown>>({})
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState('')
  if (ticket.forms.length === 0) return null

  const parts: FormParts = { ticket, photos }
  const fieldsOf = (action: TicketAction): FormField[] =>
    ticket.forms.find((f) => f.action === action)?.fields ?? []
  const valueOf = (field: FormField) =>
    field.name in values ? values[field.name] : widgetOf(field)?.initial(parts)
  const set = (field: FormField) => (value: unknown) =>
    setValues((prev) => ({ ...prev, [field.name]: value }))

  const submit = async (action: TicketAction) => {
    const input = { id: ticket.id, action, version: ticket.version } as Record<string, unknown>
    for (const field of fieldsOf(action))
      input[field.name] = widgetOf(field)?.input(valueOf(field), field, parts)
    setBusy(true)
    setError('')
    try {
      const next = await call('ticket', 'act', input as ActInput)
      setActive(undefined)
      setValues({})
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
    if (fieldsOf(action).some((f) => f.kind === 'photos')) warmUploadSlots().catch(() => undefined)
  }

  const fields = active ? fieldsOf(active) : []
  const blocked = fields.some((f) => widgetOf(f)?.blocked?.(f, parts))

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
          {fields.map((field) => {
            const Widget = widgetOf(field)?.Show
            return (
              Widget && (
                <Widget
                  key={field.name}
                  field={field}
                  value={valueOf(field)}
                  set={set(field)}
                  parts={parts}
                />
              )
            )
          })}
          {(error || photos.error) && <Text className="report-error">{error || photos.error}</Text>}
          <Button
            type="primary"
            block
            className="action-submit"
            loading={busy}
            disabled={busy || photos.uploading > 0 || blocked}
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
