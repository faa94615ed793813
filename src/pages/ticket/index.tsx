// 隐患详情: one ticket — photos, where, who owns it, the journal, and the actions allowed to me.
import { View, Text } from '@tarojs/components'
import { PrivacySheet } from '../../components/PrivacySheet'
import { useRouter } from '@tarojs/taro'
import { useEffect, useState } from 'react'
import dayjs from 'dayjs'
import { DevPersonaBar } from '../../components/DevPersonaBar'
import { StateView } from '../../components/StateView'
import { useRequest } from '../../hooks/use-request'
import { call } from '../../services'
import type { TicketView } from '../../../types/api/ticket'
import { statusClass } from '../../status'
import { ActionPanel } from './parts/ActionPanel'
import { RevealReporter } from './parts/RevealReporter'
import { PhotoStrip } from './parts/PhotoStrip'
import { Timeline } from './parts/Timeline'
import { MajorFacts } from './parts/MajorFacts'
import { dueText } from '../../services/due'
import { useServerNow } from '../../hooks/use-server-now'
import { useLiveReach } from '../../hooks/use-live-reach'
import { deadlineText } from '../../../types/deadline'
import '../report/index.scss'
import './index.scss'

export default function TicketPage(): JSX.Element {
  const { params } = useRouter()
  const id = params.id ?? ''
  const [persona, setPersona] = useState(0)
  const loaded = useRequest(
    async () => (id ? call('ticket', 'get', { id }) : undefined),
    [id, persona],
  )
  const [ticket, setTicket] = useState<TicketView>()
  useEffect(() => setTicket(loaded.data), [loaded.data])
  // An act answers once committed: its pushes show 正在通知 … until the follow-up call settles them.
  useLiveReach(ticket, setTicket)
  // The department chosen for deferred work, whenever the server sends one.
  const departmentName = ticket?.departmentName
  // The server's clock: a phone set hours off must not show work as late, or still in time.
  const now = useServerNow(ticket?.now)
  const overdue = Boolean(
    ticket?.status === 'rectifying' && ticket.deadline && Date.parse(ticket.deadline) < now,
  )
  const due = ticket ? dueText(ticket, now) : ''

  return (
    <View className="page ticket-page">
      <DevPersonaBar onChange={() => setPersona((n) => n + 1)} />
      {!id && <StateView empty emptyText="没有找到这条隐患" />}
      <StateView
        loading={loaded.loading && !ticket}
        error={loaded.error}
        onRetry={() => void loaded.reload()}
      />
      {ticket && (
        <>
          <View className="section ticket-head">
            <View className="ticket-status-row">
              <Text
                className={`ticket-status ${statusClass(ticket.status, overdue)} ticket-status-${ticket.status}`}
              >
                {ticket.statusLabel}
              </Text>
              {overdue && <Text className="ticket-overdue">已超期</Text>}
              {ticket.rating && <Text className="ticket-rating">{'★'.repeat(ticket.rating)}</Text>}
            </View>
            <Text className="ticket-title">
              <Text className={`grade-tag grade-tag-${ticket.grade} ticket-grade`}>
                {ticket.gradeLabel}
              </Text>
              {ticket.categoryName}
            </Text>
            <Text className="muted">
              {ticket.place}
              {ticket.spot ? ` · ${ticket.spot}` : ''}
            </Text>
            {ticket.description && <Text className="ticket-description">{ticket.description}</Text>}
            <PhotoStrip
              label="整改前"
              kind="before"
              ids={ticket.photos}
              urls={ticket.photoUrls}
              states={ticket.photoStates}
            />
            {ticket.afterPhotos.length > 0 && (
              <PhotoStrip
                label="整改后"
                kind="after"
                ids={ticket.afterPhotos}
                urls={ticket.photoUrls}
                states={ticket.photoStates}
              />
            )}
            <Text className="muted ticket-meta">
              上报：{ticket.reporterName ?? '匿名'} ·{' '}
              {dayjs(ticket.createdAt).format('MM-DD HH:mm')}
            </Text>
            {ticket.canReveal && <RevealReporter ticketId={ticket.id} />}
            {due && (
              <Text
                className={`ticket-meta ticket-due ${ticket.overdue || due.includes('超') ? 'ticket-due-late' : ''}`}
              >
                ⏱ {due}
              </Text>
            )}
            {ticket.standing && (
              <Text className="ticket-meta ticket-standing">{ticket.standing}</Text>
            )}
            <Text className="muted ticket-meta">
              当前负责：{ticket.ownerName}（{ticket.levelLabel}）
              {ticket.deadline ? ` · 期限 ${deadlineText(ticket.deadline)}` : ''}
            </Text>
            {departmentName && (
              <Text className="muted ticket-meta ticket-department">
                责任部门：{departmentName}
              </Text>
            )}
            {ticket.reach.map((r, i) => (
              <Text
                key={`${r.at}-${i}`}
                className={`ticket-meta ticket-reach ${r.ok ? '' : r.pending ? 'muted' : 'ticket-reach-warn'}`}
              >
                {r.text}
              </Text>
            ))}
            {ticket.supportCount > 0 && (
              <Text className="muted ticket-meta">{ticket.supportCount} 人也看到了</Text>
            )}
          </View>
          <MajorFacts ticket={ticket} />
          <ActionPanel ticket={ticket} onChanged={setTicket} />
          <Timeline ticket={ticket} />
          <PrivacySheet />
        </>
      )}
    </View>
  )
}
