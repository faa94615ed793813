// What a ticket's record says about who was reached: read from the outbox's results, never guessed.
import { hospitalTime } from '../../../types/time'
import type { Delivery, IntentDoc } from './intent'

export interface ReachLine {
  text: string
  ok: boolean
  /** Not sent yet and not held for the morning: the screen follows it until it settles. */
  pending: boolean
  at: string
}

/** One line per push of a ticket, in the words the reporter and the captains read. */
export function reachOf(intents: readonly IntentDoc[], now: Date): ReachLine[] {
  return intents.map((i) => ({
    text: describe(i, now),
    ok: i.outcome === 'sent',
    pending: !i.outcome && !waitsForMorning(i, now),
    at: iso(i.updatedAt),
  }))
}

const iso = (d: Date): string => new Date(d).toISOString()

/** A push held by the quiet hours: settled until its morning. */
const waitsForMorning = (i: IntentDoc, now: Date): boolean =>
  Boolean(i.held) && new Date(i.notBefore) > now

function describe(i: IntentDoc, now: Date): string {
  // The reporter is never named here: the record is read by captains, and a report may be anonymous.
  if (i.kind === 'resolved')
    return i.outcome === 'sent'
      ? '已通知上报人'
      : i.outcome
        ? '上报人未开启提醒，未能推送'
        : '正在通知上报人…'
  const who = `${i.to.role} ${i.to.name}`
  const copy = i.deliveries.find((d) => d.copy && d.ok)
  const text = i.deliveries.find((d) => d.channel === 'sms')
  const sms = text?.ok ? '，并已发送短信' : text ? `，${smsLine(text)}` : ''
  switch (i.outcome) {
    case 'sent':
      return `已推送给 ${who}${sms}`
    case 'copied':
      return `${i.to.role}暂未开启提醒，已同时通知 ${copy?.role ?? ''} ${copy?.name ?? ''}${sms}`
    case 'sms':
      return `${who} 暂未开启提醒，已发送短信`
    case 'board':
      return `${who} 暂未开启提醒${sms}，已送达 安全办看板`
    case 'failed':
      return `推送给 ${who} 失败${sms}，已送达 安全办看板`
    default:
      return waitsForMorning(i, now)
        ? `夜间静默时段，将于 ${hospitalTime(i.notBefore).format('HH:mm')} 推送给 ${who}`
        : `正在通知 ${who}…`
  }
}

/** A text that did not go out: why, in Chinese, and when it goes again. */
function smsLine(d: Delivery): string {
  if (d.reason === 'sms_retry' && !d.retryAt) return '短信正在发送'
  const why = d.detail ?? '短信发送失败'
  return d.retryAt
    ? `短信暂未发出（${why}），将于 ${hospitalTime(d.retryAt).format('HH:mm:ss')} 后重发`
    : `短信未能发出（${why}）`
}
