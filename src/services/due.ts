// How much time a ticket has, in the words a captain reads: 剩余 12 分钟受理 / 已超时 8 分钟 /
// 距整改期限 2 天 / 已逾期. Counted on the server's clock: a phone's clock may be hours off.

/** A duration in minutes, as 分钟 / 小时 / 天. */
function span(minutes: number): string {
  if (minutes < 60) return `${Math.max(1, minutes)} 分钟`
  if (minutes < 48 * 60) return `${Math.round(minutes / 60)} 小时`
  return `${Math.round(minutes / 1440)} 天`
}

/** How far the server's clock is ahead of this phone's, from a server time just received. */
export function clockOffset(serverNow: string, receivedAt = Date.now()): number {
  const server = Date.parse(serverNow)
  return Number.isNaN(server) ? 0 : server - receivedAt
}

/** The time line of a ticket, or '' when it waits for nothing (`now`: the server's time). */
export function dueText(
  t: {
    status: string
    dueAt: string | null
    dueStep: string | null
    deadline: string | null
    overdue: boolean
  },
  now = Date.now(),
): string {
  if (t.overdue && ['rectifying', 'reviewing'].includes(t.status)) return '已逾期'
  if (t.status === 'rectifying' && t.deadline) {
    const left = Math.round((Date.parse(t.deadline) - now) / 60_000)
    return left >= 0 ? `距整改期限 ${span(left)}` : `已超过整改期限 ${span(-left)}`
  }
  if (!t.dueAt) return ''
  const left = Math.round((Date.parse(t.dueAt) - now) / 60_000)
  if (t.dueStep === 'accept') return left >= 0 ? `剩余 ${span(left)}受理` : `已超时 ${span(-left)}`
  if (t.dueStep?.startsWith('verify'))
    return left >= 0 ? `待复核 · 剩余 ${span(left)}` : `复核已超时 ${span(-left)}`
  return ''
}
