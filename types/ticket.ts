// The hazard ticket: states, actions and their Chinese labels.
import { z } from 'zod'

export const TICKET_STATES = [
  'pending',
  'processing',
  'rectifying',
  'reviewing',
  'fixed',
  'closed',
  'rejected',
  'duplicate',
] as const
export const TicketState = z.enum(TICKET_STATES)
export type TicketState = z.infer<typeof TicketState>

export const STATE_LABELS: Record<TicketState, string> = {
  pending: '待受理',
  processing: '处理中',
  rectifying: '限期整改中',
  reviewing: '待复核',
  fixed: '立行立改·已办结',
  closed: '已销号',
  rejected: '无需处理',
  duplicate: '重复',
}

/** States in which a hazard is still open on its floor. */
export const OPEN_STATES: readonly TicketState[] = [
  'pending',
  'processing',
  'rectifying',
  'reviewing',
]

/** Every action on a ticket and its name on a button and in the journal: one entry per action. */
export const ACTION_LABELS = {
  accept: '受理',
  fix: '立行立改',
  defer: '限期整改',
  complete: '整改完成',
  verify: '复核通过',
  sendBack: '退回整改',
  transfer: '转办',
  escalate: '上报升级',
  reject: '无需处理',
  duplicate: '标记重复',
  confirm: '确认并评价',
  reopen: '问题未解决',
  support: '我也看到了',
  remind: '催办提醒',
  overdue: '逾期',
  grade: '调整隐患等级',
  plan: '制定五定方案',
  signoff: '签字销号',
} as const satisfies Record<string, string>

export type TicketAction = keyof typeof ACTION_LABELS
export const TICKET_ACTIONS = Object.keys(ACTION_LABELS) as [TicketAction, ...TicketAction[]]
export const TicketAction = z.enum(TICKET_ACTIONS)

export const LEVEL_LABELS = ['层长', '协管员', '楼长', '安全办'] as const

/** The longest file id accepted: `cloud://<env>.<bucket>/photos/<user>/<date>/<name>` fits well within. */
export const MAX_FILE_ID_LENGTH = 256
export const CloudFileId = z
  .string()
  .max(MAX_FILE_ID_LENGTH, `文件标识过长（最多 ${MAX_FILE_ID_LENGTH} 个字符）`)
  .regex(/^cloud:\/\/\S+$/, '应为云存储文件')
/** How many photos one report or one piece of evidence may carry. */
export const MAX_PHOTOS = 6
export const Photos = z
  .array(CloudFileId)
  .min(1, '至少一张照片')
  .max(MAX_PHOTOS, `最多 ${MAX_PHOTOS} 张照片`)
  .refine((ids) => new Set(ids).size === ids.length, '同一张照片不能重复添加')
