// 内容与账号安全 (safety office): photos the content check flagged — release, redact with black
// boxes, or look at the original (logged) — blocking abusive accounts, and the audit log.
import { Image, Input, Text, View } from '@tarojs/components'
import Taro from '@tarojs/taro'
import { Button } from '@nutui/nutui-react-taro'
import dayjs from 'dayjs'
import { useState } from 'react'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call, messageOf } from '../../services'
import { auditLabel } from '../../../types/audit'
import './content.scss'

const GRID = 3

/** The black boxes of the cells chosen on a 3×3 grid, as fractions of the photo. */
function boxesOf(cells: number[]) {
  return cells.map((c) => ({
    x: (c % GRID) / GRID,
    y: Math.floor(c / GRID) / GRID,
    w: 1 / GRID,
    h: 1 / GRID,
  }))
}

function FlaggedPhoto({
  item,
  onDone,
}: {
  item: { fileId: string; ticketId: string; status: string; url: string | null; redacted: boolean }
  onDone: () => void
}): JSX.Element {
  const [cells, setCells] = useState<number[]>([])
  const [message, setMessage] = useState('')
  const run = (work: () => Promise<unknown>, done: string) =>
    work()
      .then(() => {
        setMessage(done)
        onDone()
      })
      .catch((e) => setMessage(messageOf(e)))
  return (
    <View className="safety-photo">
      <View className="safety-photo-frame">
        {item.url && (
          <Image className="safety-photo-img photo-blurred" mode="aspectFill" src={item.url} />
        )}
        <View className="safety-photo-grid">
          {Array.from({ length: GRID * GRID }, (_v, c) => (
            <View
              key={c}
              className={`safety-photo-cell ${cells.includes(c) ? 'safety-photo-cell-on' : ''}`}
              onClick={() =>
                setCells((s) => (s.includes(c) ? s.filter((x) => x !== c) : [...s, c]))
              }
            />
          ))}
        </View>
      </View>
      <Text className="muted">
        {item.status === 'risky' ? '平台判定违规' : '平台建议人工复核'}
        {item.redacted ? ' · 已打码' : ''} · 点格子选择要遮挡的区域
      </Text>
      <View className="safety-photo-actions">
        <Button
          size="small"
          className="safety-redact"
          disabled={cells.length === 0}
          onClick={() =>
            void run(
              () =>
                call('media', 'redact', {
                  fileId: item.fileId,
                  boxes: boxesOf(cells),
                  reason: '遮挡患者隐私',
                }),
              '已打码，所有人将看到打码后的照片',
            )
          }
        >
          打码
        </Button>
        <Button
          size="small"
          className="safety-release"
          onClick={() =>
            void run(
              () => call('media', 'release', { fileId: item.fileId, reason: '人工复核通过' }),
              '已放行',
            )
          }
        >
          放行
        </Button>
        <Button
          size="small"
          className="safety-original"
          onClick={() =>
            void call('media', 'original', { fileId: item.fileId, reason: '安全办复核' })
              .then(({ url }) => Taro.previewImage({ urls: [url] }))
              .catch((e) => setMessage(messageOf(e)))
          }
        >
          原图（留痕）
        </Button>
        <Text
          className="safety-ticket-link"
          onClick={() => void Taro.navigateTo({ url: `/pages/ticket/index?id=${item.ticketId}` })}
        >
          查看隐患
        </Text>
      </View>
      {message && <Text className="safety-message">{message}</Text>}
    </View>
  )
}

export default function SafetyPage(): JSX.Element {
  const queue = useRequest(() => call('media', 'queue', { limit: 20 }), [])
  const audit = useRequest(() => call('safety', 'auditLog', { limit: 20 }), [])
  const [userId, setUserId] = useState('')
  const [reason, setReason] = useState('')
  const [blockMessage, setBlockMessage] = useState('')
  const block = (blocked: boolean) =>
    (blocked
      ? call('safety', 'block', { userId, reason })
      : call('safety', 'unblock', { userId, reason: reason || undefined })
    )
      .then((r) => {
        setBlockMessage(
          r.changed ? (blocked ? '已封禁，该账号的操作将被拒绝' : '已解除封禁') : '状态未变化',
        )
        void audit.reload()
      })
      .catch((e) => setBlockMessage(messageOf(e)))

  return (
    <View className="page safety-page">
      <View className="section">
        <Text className="section-title">待审核照片</Text>
        <StateView
          loading={queue.loading && !queue.data}
          error={queue.error}
          empty={queue.data?.items.length === 0}
          emptyText="没有被标记的照片"
          onRetry={() => void queue.reload()}
        />
        {queue.data?.items.map((item) => (
          <FlaggedPhoto key={item.fileId} item={item} onDone={() => void audit.reload()} />
        ))}
      </View>
      <View className="section">
        <Text className="section-title">封禁账号</Text>
        <Input
          className="safety-input safety-user"
          placeholder="员工编号（如 u-staff-7）"
          value={userId}
          onInput={(e) => setUserId(e.detail.value)}
        />
        <Input
          className="safety-input safety-reason"
          placeholder="原因（封禁时必填）"
          value={reason}
          onInput={(e) => setReason(e.detail.value)}
        />
        <View className="safety-photo-actions">
          <Button
            size="small"
            type="danger"
            className="safety-block"
            onClick={() => void block(true)}
          >
            封禁
          </Button>
          <Button size="small" className="safety-unblock" onClick={() => void block(false)}>
            解除封禁
          </Button>
        </View>
        {blockMessage && <Text className="safety-message">{blockMessage}</Text>}
      </View>
      <View className="section">
        <Text className="section-title">审计日志</Text>
        <StateView
          loading={audit.loading && !audit.data}
          error={audit.error}
          empty={audit.data?.items.length === 0}
          emptyText="暂无记录"
          onRetry={() => void audit.reload()}
        />
        {audit.data?.items.map((a) => (
          <View key={a.id} className="safety-audit">
            <Text className="safety-audit-action">
              {auditLabel(a.action)}
              {a.targetName ? ` ${a.targetName}` : ''}
            </Text>
            <Text className="muted">
              {a.actorName} · {dayjs(a.at).format('MM-DD HH:mm')}
              {a.reason ? ` · ${a.reason}` : ''}
            </Text>
          </View>
        ))}
      </View>
    </View>
  )
}
