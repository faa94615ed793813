// The outbox as WeChat's 服务通知 feed reads: subscription messages with their template's title and
// field labels, SMS texts beside them, each with the recipient's name and role (from the emulator's
// own `users` collection) and the time in Beijing (Asia/Shanghai, whatever the viewer's zone).
import type { EmulatorCore } from '../core'
import type { Template } from './templates'

export const ROLE_LABELS: Record<string, string> = {
  leader: '院领导',
  safety_office: '安全办',
  building_captain: '楼长',
  coordinator: '协管员',
  floor_captain: '层长',
  staff: '职工',
}

export interface Recipient {
  name: string
  /** The highest of the person's roles, in Chinese (层长, 协管员 …); '' when unknown. */
  role: string
  roles: string[]
  openid?: string
  phone?: string
}

type Row = Record<string, unknown>

/** 'YYYY-MM-DD HH:mm:ss' in Beijing time (UTC+8, no daylight saving). */
export function beijingTime(at: Date | string | number): string {
  const ms = new Date(at).getTime()
  return new Date(ms + 8 * 3_600_000).toISOString().slice(0, 19).replace('T', ' ')
}

/** The label of the highest role a person holds. */
export function roleLabel(roles: string[]): string {
  const top = Object.keys(ROLE_LABELS).find((r) => roles.includes(r))
  return top ? ROLE_LABELS[top] : ''
}

const digits = (phone: unknown): string =>
  String(phone ?? '')
    .replace(/\D/g, '')
    .slice(-11)

/** Everyone in `users`, by openid and by the last 11 digits of their phone. */
export async function directory(core: EmulatorCore): Promise<{
  byOpenid: Map<string, Recipient>
  byPhone: Map<string, Recipient>
}> {
  const byOpenid = new Map<string, Recipient>()
  const byPhone = new Map<string, Recipient>()
  for (const u of await core.store.find('users', {})) {
    const roles = Array.isArray(u.roles) ? u.roles.map(String) : []
    const person: Recipient = {
      name: String(u.name ?? ''),
      role: roleLabel(roles),
      roles,
      openid: typeof u.openid === 'string' ? u.openid : undefined,
      phone: typeof u.phone === 'string' ? u.phone : undefined,
    }
    if (person.openid) byOpenid.set(person.openid, person)
    if (person.phone) byPhone.set(digits(person.phone), person)
  }
  return { byOpenid, byPhone }
}

/** A subscription send as the feed shows it. */
export function wechatEntry(
  row: Row,
  templates: Map<string, Template>,
  people: Map<string, Recipient>,
): Row {
  const template = templates.get(String(row.templateId))
  const data = (row.data ?? {}) as Record<string, { value?: unknown }>
  return {
    ...row,
    channel: 'wechat',
    channelLabel: '订阅消息',
    title: template?.title ?? '',
    kind: template?.kind ?? '',
    fields: Object.entries(data).map(([key, v]) => ({
      key,
      label: template?.labels[key] ?? key,
      value: v?.value === undefined ? '' : String(v.value),
    })),
    recipient: people.get(String(row.touser)) ?? null,
    // A copy (抄送) to someone above an unreachable owner opens the ticket with `copy=1`.
    copy: /[?&]copy=1(&|$)/.test(String(row.page ?? '')),
    time: beijingTime(row.at as Date),
  }
}

/** An SMS attempt as the feed shows it. */
export function smsEntry(row: Row, people: Map<string, Recipient>): Row {
  return {
    ...row,
    channel: 'sms',
    channelLabel: '短信',
    title: '短信通知',
    recipient: people.get(digits(row.phone)) ?? null,
    time: beijingTime(row.at as Date),
  }
}
