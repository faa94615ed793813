// A push intent as stored in the outbox: who it is for, who may receive a copy when they cannot be
// reached, and — once dispatched — every delivery tried, so what a user is told comes from results.
import { LEVEL_LABELS } from '../../../types/ticket'
import type { OwnerStep } from '../org/domain/owner-chain'
import type { NotificationKind, PushRequest, Recipient } from '../ticket/domain/machine'
import type { TicketDoc } from '../ticket/domain/ticket'

export type Channel = 'subscribe' | 'sms' | 'board'

/** One attempt to reach one person through one channel. */
export interface Delivery {
  userId: string
  name: string
  role: string
  channel: Channel
  /** A copy (抄送) to someone above an owner who could not be reached. */
  copy: boolean
  ok: boolean
  /** The platform's answer when it failed (43101 no consent left, …). */
  code?: number | null
  reason?:
    'no_consent' | 'no_openid' | 'send_failed' | 'no_phone' | 'sms_failed' | 'sms_retry' | null
  /** The SMS provider's code (for logs; never shown). */
  providerCode?: string | null
  /** Why it failed, in Chinese, as people are told. */
  detail?: string | null
  /** When a text refused for the number's limits goes out again (ISO). */
  retryAt?: string | null
}

export interface IntentDoc {
  _id: string
  kind: NotificationKind
  ticketId: string
  to: Recipient & { role: string }
  /** Who gets a copy, in order, when `to` cannot be pushed: the rest of the chain above them. */
  copyTo: Array<Recipient & { role: string }>
  urgent: boolean
  /** The page the push opens (default: the ticket). */
  page?: string
  /**
   * `time` is what the kind's template names (上报时间, 处理期限 — the deadline itself, 处理时间), never
   * the send time; `reportedAt` fills templates whose time field is the report time.
   */
  fields: { category: string; place: string; time: Date; note: string; reportedAt?: Date }
  /** Not sent before this time (quiet hours hold non-urgent pushes until morning). */
  notBefore: Date
  /** Whether the quiet hours hold it (else notBefore is its creation and it goes at once). */
  held?: boolean
  status: 'pending' | 'sending' | 'done'
  /** `inapp`: a summary nobody could be pushed, left in the app's list (its badge) instead. */
  outcome: 'sent' | 'copied' | 'sms' | 'board' | 'failed' | 'inapp' | null
  /** When the recipient opened it in the app (summaries only). */
  readAt?: Date | null
  deliveries: Delivery[]
  attempts: number
  createdAt: Date
  updatedAt: Date
}

/**
 * Pushes that summarise rather than hand over a hazard (the evening list, a round's reminder): nobody
 * gets a copy when they cannot be reached, and a failure says nothing about a captain's reach.
 */
export const SUMMARY_KINDS: readonly NotificationKind[] = ['evening', 'round']

/** Whether a push of `kind` is a summary. */
export const isSummary = (kind: NotificationKind): boolean => SUMMARY_KINDS.includes(kind)

/**
 * The bookkeeping of an intent of `kind` not yet dispatched, made at `now` and not sent before
 * `notBefore`; a summary also starts unread.
 */
export function unsentState(
  kind: NotificationKind,
  now: Date,
  notBefore: Date = now,
): Pick<
  IntentDoc,
  | 'notBefore'
  | 'held'
  | 'status'
  | 'outcome'
  | 'readAt'
  | 'deliveries'
  | 'attempts'
  | 'createdAt'
  | 'updatedAt'
> {
  return {
    notBefore,
    held: notBefore.getTime() > now.getTime(),
    status: 'pending',
    outcome: null,
    ...(isSummary(kind) ? { readAt: null } : {}),
    deliveries: [],
    attempts: 0,
    createdAt: now,
    updatedAt: now,
  }
}

const roleOf = (r: Recipient): string =>
  r.level === undefined ? '上报人' : (LEVEL_LABELS[r.level] ?? '')

/** The outbox documents for a transition's pushes; ids derive from the event, so retries dedupe. */
export function intentsFor(
  t: TicketDoc,
  seq: number,
  pushes: readonly PushRequest[],
  chain: readonly OwnerStep[],
  urgent: boolean,
  now: Date,
  notBefore: Date = now,
): IntentDoc[] {
  return pushes.map((p) => {
    const copyTo =
      p.to.level === undefined
        ? []
        : chain
            .filter((s) => s.level > p.to.level! && s.userId !== p.to.userId)
            .map((s) => ({
              userId: s.userId,
              openid: s.openid,
              name: s.name,
              level: s.level,
              phone: s.phone,
              role: roleOf(s),
            }))
    return {
      _id: `${t._id}:${seq}:${p.kind}:${p.to.userId}`,
      kind: p.kind,
      ticketId: t._id,
      to: { ...p.to, role: roleOf(p.to) },
      copyTo,
      urgent,
      fields: {
        category: t.categoryName,
        place: t.spot ? `${t.place} ${t.spot}` : t.place,
        time: p.time ? new Date(p.time) : now,
        note: p.note || t.categoryName,
        reportedAt: new Date(t.createdAt),
      },
      ...unsentState(p.kind, now, notBefore),
    }
  })
}
