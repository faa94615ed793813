// What the audit log records: one list of actions, with the words every page shows for them.

/** Every audited action and its label. */
export const AUDIT_ACTIONS = {
  'user.block': '封禁账号',
  'user.unblock': '解除封禁',
  'user.bind': '绑定',
  'user.unbind': '解绑',
  'invite.create': '发邀请',
  'invite.redeem_failed': '邀请码错误',
  'roster.import': '导入名册',
  'ticket.reveal_reporter': '查看匿名上报人',
  'photo.redact': '照片打码',
  'photo.view_original': '查看原图',
  'photo.release': '照片放行',
  'pc.signin': '电脑端登录',
  'pc.signout': '电脑端退出',
} as const

export type AuditAction = keyof typeof AUDIT_ACTIONS

/** The label of an audited action (the raw name for one this build does not know). */
export function auditLabel(action: string): string {
  return (AUDIT_ACTIONS as Record<string, string>)[action] ?? action
}
