// Error codes every function may answer with, and the Chinese text a user sees for each.

/** All error codes, dotted: area.reason. */
export const ERROR_CODES = [
  'input.invalid',
  'action.unknown',
  'auth.forbidden',
  'auth.unknown_user',
  'auth.blocked',
  'auth.session_ended',
  'rate.limited',
  'ticket.not_found',
  'ticket.conflict',
  'ticket.invalid_transition',
  'org.not_found',
  'qr.invalid',
  'stats.not_found',
  'round.not_found',
  'round.invalid_state',
  'roster.invalid',
  'invite.invalid',
  'bind.conflict',
  'content.risky',
  'notify.failed',
  'signin.expired',
  'signin.used',
  'network',
  'internal',
] as const

export type ErrorCode = (typeof ERROR_CODES)[number]

const MESSAGES_ZH: Record<ErrorCode, string> = {
  'input.invalid': '填写的内容有误，请检查后再提交',
  'action.unknown': '暂不支持这个操作，请更新小程序后重试',
  'auth.forbidden': '你没有权限进行这个操作',
  'auth.unknown_user': '尚未绑定员工身份，请联系安全办',
  'auth.blocked': '你的账号已被安全办暂停使用，如有疑问请联系安全办',
  'auth.session_ended': '电脑端登录已结束，请重新扫码登录',
  'rate.limited': '操作太频繁了，请稍后再试',
  'ticket.not_found': '没有找到这条隐患',
  'ticket.conflict': '这条隐患刚被别人处理过，已为你刷新',
  'ticket.invalid_transition': '当前状态下不能进行这个操作',
  'org.not_found': '没有找到对应的楼层或人员',
  'qr.invalid': '这个二维码已失效',
  'stats.not_found': '没有找到这期简报',
  'round.not_found': '没有找到这次巡查',
  'round.invalid_state': '这次巡查当前不能进行这个操作',
  'roster.invalid': '名册有误，未导入任何内容',
  'invite.invalid': '邀请码无效或已过期，请向安全办重新获取',
  'bind.conflict': '你的微信已绑定其他员工身份，请联系安全办先解除绑定',
  'content.risky': '内容包含不适宜的信息，请修改后再提交',
  'notify.failed': '消息推送失败',
  'signin.expired': '登录码已过期，请在电脑上刷新后重新扫码',
  'signin.used': '这个登录码已经用过了，请在电脑上刷新后重新扫码',
  network: '网络不给力，请稍后重试',
  internal: '系统开小差了，请稍后重试',
}

/** The Chinese message shown to users for an error code. */
export function errorMessageZh(code: ErrorCode): string {
  return MESSAGES_ZH[code]
}

/** True when a string is one of our error codes. */
export function isErrorCode(value: unknown): value is ErrorCode {
  return typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value)
}
