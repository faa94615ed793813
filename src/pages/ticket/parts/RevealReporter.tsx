// 安全办 only: reveal an anonymous reporter, with a reason; the reveal is recorded in the audit log.
import { View, Text, Input } from '@tarojs/components'
import { Button } from '@nutui/nutui-react-taro'
import { useState } from 'react'
import { call, messageOf } from '../../../services'

/** The reveal control; shows the name once revealed. */
export function RevealReporter({ ticketId }: { ticketId: string }): JSX.Element {
  const [open, setOpen] = useState(false)
  const [reason, setReason] = useState('')
  const [name, setName] = useState('')
  const [error, setError] = useState('')
  const [busy, setBusy] = useState(false)
  if (name) return <Text className="ticket-meta reveal-name">上报人：{name}（已记录查看）</Text>
  if (!open)
    return (
      <Text className="link reveal-open" onClick={() => setOpen(true)}>
        查看匿名上报人（会记入审计日志）
      </Text>
    )
  const submit = async () => {
    setBusy(true)
    setError('')
    try {
      setName((await call('ticket', 'reveal', { id: ticketId, reason })).reporterName)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }
  return (
    <View className="reveal-form">
      <Input
        className="reveal-reason"
        placeholder="查看原因（必填）"
        value={reason}
        onInput={(e) => setReason(e.detail.value)}
      />
      {error && <Text className="report-error">{error}</Text>}
      <Button
        size="small"
        type="primary"
        loading={busy}
        disabled={busy}
        onClick={() => void submit()}
      >
        确认查看
      </Button>
    </View>
  )
}
