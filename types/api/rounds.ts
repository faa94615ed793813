// The `rounds` function: inspection rounds (跟着楼长去巡查). Checklist templates and their versions,
// rounds scheduled over a building's floors, answers per floor and item (each with a client key, so a
// re-sync never duplicates), findings that enter tickets through the ticket door, and the report.
import { z } from 'zod'
import { Grade } from '../grade'
import { Photos } from '../ticket'
import { safeText } from '../text'
import { RoundFigures, StatsDay } from './stats'

const Id = z.string().trim().min(1).max(64)

/** A device-made key that makes a write idempotent (the same key always meets itself). */
export const ClientKey = z
  .string()
  .min(8)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, '格式不正确')

/** How a hazard found on a round is graded when its item fails: a grade (types/grade.ts). */
export const FindingGrade = Grade
export type FindingGrade = Grade

/** An answer to one item on one floor. */
export const ANSWER_VALUES = ['pass', 'fail', 'na'] as const
export const AnswerValue = z.enum(ANSWER_VALUES)
export type AnswerValue = z.infer<typeof AnswerValue>
/** Each answer's word on a button and in the report. */
export const ANSWER_LABELS: Record<AnswerValue, string> = {
  pass: '合格',
  fail: '不合格',
  na: '不适用',
}

/** How often a round comes back. */
export const RECURRENCES = ['none', 'weekly', 'monthly'] as const
export const Recurrence = z.enum(RECURRENCES)
export type Recurrence = z.infer<typeof Recurrence>
export const RECURRENCE_LABELS: Record<Recurrence, string> = {
  none: '单次',
  weekly: '每周',
  monthly: '每月',
}

/** Where a round stands. */
export const ROUND_STATES = ['scheduled', 'open', 'done', 'cancelled'] as const
export const RoundState = z.enum(ROUND_STATES)
export type RoundState = z.infer<typeof RoundState>
export const ROUND_STATE_LABELS: Record<RoundState, string> = {
  scheduled: '待巡查',
  open: '巡查中',
  done: '已完成',
  cancelled: '已取消',
}

/** One checklist item: what to check, how, and what a failure becomes. */
export const ChecklistItem = z
  .object({
    /** Stable within its template across versions; a new item has none yet (the server names it). */
    id: z
      .string()
      .regex(/^i\d{1,4}$/, '格式不正确')
      .optional(),
    text: safeText({ min: 1, max: 60, minMessage: '请填写检查内容' }),
    howTo: safeText({ max: 200 }).default(''),
    /** The hazard category a failure is reported under. */
    categoryId: Id,
    /** The grade a failure starts with. */
    grade: FindingGrade.default('general'),
    /** Whether every answer to it, not only a failure, carries a photo. */
    photoRequired: z.boolean().default(false),
  })
  .strict()
export type ChecklistItemInput = z.input<typeof ChecklistItem>

export const ChecklistSection = z
  .object({
    title: safeText({ min: 1, max: 30, minMessage: '请填写分组名称' }),
    items: z.array(ChecklistItem).min(1, '每个分组至少一项').max(40),
  })
  .strict()

/** A template as stored in one version: every item has its id. */
export const TemplateVersion = z.object({
  templateId: z.string(),
  version: z.number(),
  name: z.string(),
  sections: z.array(
    z.object({
      title: z.string(),
      items: z.array(
        z.object({
          id: z.string(),
          text: z.string(),
          howTo: z.string(),
          categoryId: z.string(),
          grade: FindingGrade,
          photoRequired: z.boolean(),
        }),
      ),
    }),
  ),
  retired: z.boolean(),
  createdAt: z.string(),
  createdByName: z.string(),
})
export type TemplateVersion = z.infer<typeof TemplateVersion>
export type TemplateItem = TemplateVersion['sections'][number]['items'][number]

export const TemplateHead = TemplateVersion.pick({
  templateId: true,
  version: true,
  name: true,
  retired: true,
  createdAt: true,
}).extend({ items: z.number() })
export type TemplateHead = z.infer<typeof TemplateHead>

/** A person on a round. */
const Person = z.object({ id: z.string(), name: z.string() })

/** The Chinese name of each role a round may invite. */
export const INVITEE_ROLE_LABELS = {
  leader: '院领导',
  coordinator: '协管员',
  safety_office: '安全办',
} as const

/** Someone who may be invited to a round, with why. */
export const Invitee = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(['leader', 'coordinator', 'safety_office']),
})
export type Invitee = z.infer<typeof Invitee>

export const RoundView = z.object({
  id: z.string(),
  status: RoundState,
  statusLabel: z.string(),
  buildingId: z.string(),
  buildingName: z.string(),
  /** The floors to walk, in order. */
  floors: z.array(z.object({ id: z.string(), name: z.string() })),
  allFloors: z.boolean(),
  templateId: z.string(),
  templateName: z.string(),
  /** The version the round walks: pinned when it starts; null while only scheduled. */
  templateVersion: z.number().nullable(),
  leader: Person,
  participants: z.array(Person),
  /** The day it is scheduled for (Asia/Shanghai). */
  date: z.string(),
  recurrence: Recurrence,
  startedAt: z.string().nullable(),
  finishedAt: z.string().nullable(),
  /** What the viewer may do now. */
  canStart: z.boolean(),
  canAnswer: z.boolean(),
  canFinish: z.boolean(),
})
export type RoundView = z.infer<typeof RoundView>

/** One answer as the server keeps it. */
/** A page of rounds (the lists, 待办 and a floor's open rounds). */
export const RoundList = z.object({ items: z.array(RoundView) })

export const AnswerView = z.object({
  floorId: z.string(),
  itemId: z.string(),
  value: AnswerValue,
  note: z.string(),
  photos: z.array(z.string()),
  clientKey: z.string(),
  byName: z.string(),
  at: z.string(),
  /** The hazard a 不合格 became. */
  ticketId: z.string().nullable(),
  /** It was fixed there and then (立行立改). */
  fixedOnSpot: z.boolean(),
})
export type AnswerView = z.infer<typeof AnswerView>

/** One answer as a device sends it (again and again, until it is acknowledged). */
export const AnswerInput = z
  .object({
    clientKey: ClientKey,
    floorId: Id,
    itemId: z.string().regex(/^i\d{1,4}$/, '格式不正确'),
    value: AnswerValue,
    note: safeText({ max: 100 }).optional(),
    /** Required for a 不合格 (the hazard's photo) and for an item that asks for one. */
    photos: z.array(z.string()).max(6).optional(),
    /** Fixed there and then: the after-photo (立行立改). Only with 不合格. */
    fixedPhotos: Photos.optional(),
  })
  .strict()
export type AnswerInput = z.input<typeof AnswerInput>

/** What became of one sent answer. */
export const AnswerResult = z.object({
  clientKey: z.string(),
  ok: z.boolean(),
  /** Why it was refused, in Chinese (the answer is not kept). */
  message: z.string().optional(),
  code: z.string().optional(),
  /** The field at fault (answers.N.photos …). */
  path: z.string().optional(),
  ticketId: z.string().nullable(),
  fixedOnSpot: z.boolean(),
  /** Asked to fix on the spot, but the ticket door refused it (the hazard is recorded all the same). */
  fixRefused: z.string().optional(),
})
export type AnswerResult = z.infer<typeof AnswerResult>

/** The round's report: per floor and in total. */
export const ReportCounts = z.object({
  checked: z.number(),
  passed: z.number(),
  failed: z.number(),
  na: z.number(),
  fixedOnSpot: z.number(),
  stillOpen: z.number(),
})
export type ReportCounts = z.infer<typeof ReportCounts>

/** One floor of a round's report. */
export const FloorReport = ReportCounts.extend({
  floorId: z.string(),
  floorName: z.string(),
  /** How many items the floor had to answer. */
  items: z.number(),
  findings: z.array(
    z.object({
      ticketId: z.string(),
      itemText: z.string(),
      categoryId: z.string(),
      grade: FindingGrade,
      status: z.string(),
      statusLabel: z.string(),
      fixedOnSpot: z.boolean(),
    }),
  ),
})
export type FloorReport = z.infer<typeof FloorReport>

export const RoundReport = z.object({
  round: RoundView,
  floors: z.array(FloorReport),
  totals: ReportCounts,
})
export type RoundReport = z.infer<typeof RoundReport>

export { RoundFigures }

const Day = StatsDay
const SaveTemplate = z
  .object({
    /** Absent: a new template. */
    templateId: Id.optional(),
    name: safeText({ min: 1, max: 30, minMessage: '请填写检查表名称' }),
    sections: z.array(ChecklistSection).min(1, '至少一个分组').max(20),
  })
  .strict()
export type SaveTemplateInput = z.input<typeof SaveTemplate>

export const roundsApi = {
  /** Every template's current version (safety office, 楼长, anyone who leads or joins rounds). */
  'templates.list': {
    input: z.object({ includeRetired: z.boolean().default(false) }).strict(),
    output: z.object({ items: z.array(TemplateHead) }),
  },
  /** One version of a template (default: its current one). */
  'templates.get': {
    input: z.object({ templateId: Id, version: z.number().int().min(1).optional() }).strict(),
    output: TemplateVersion,
  },
  /** Safety office: a new template, or an edit — which makes a new version (rounds keep theirs). */
  'templates.save': { input: SaveTemplate, output: TemplateVersion },
  /** Safety office: no new round may use it; rounds already scheduled or done keep it. */
  'templates.retire': {
    input: z.object({ templateId: Id }).strict(),
    output: TemplateHead,
  },
  /** Safety office (any building) or a 楼长 (their own): schedules a round, once or recurring. */
  schedule: {
    input: z
      .object({
        clientKey: ClientKey,
        buildingId: Id,
        /** Absent: every floor of the building. */
        floorIds: z.array(Id).min(1, '至少选择一个楼层').max(60).optional(),
        templateId: Id,
        leaderId: Id,
        participantIds: z.array(Id).max(10).default([]),
        date: Day,
        recurrence: Recurrence.default('none'),
      })
      .strict(),
    output: RoundView,
  },
  /** Who may be invited to a round in a building: 院领导, its 协管员, the safety office. */
  invitees: {
    input: z.object({ buildingId: Id }).strict(),
    output: z.object({ people: z.array(Invitee) }),
  },
  /** Rounds the caller leads or joins (the safety office: every one), newest date first. */
  list: {
    input: z
      .object({
        status: RoundState.optional(),
        limit: z.number().int().min(1).max(50).default(20),
      })
      .strict(),
    output: RoundList,
  },
  /** 待办: the caller's rounds due today or before and not done. */
  due: {
    input: z.object({}).strict(),
    output: RoundList,
  },
  /** A round with the template version it walks and the answers so far (what a device keeps offline). */
  get: {
    input: z.object({ id: Id }).strict(),
    output: z.object({
      round: RoundView,
      template: TemplateVersion.nullable(),
      answers: z.array(AnswerView),
    }),
  },
  /** The leader starts the round: its template version is pinned from now on. */
  start: { input: z.object({ id: Id }).strict(), output: RoundView },
  /** Answers, one or many (a device's queue): each kept once, by its client key. */
  answer: {
    input: z.object({ id: Id, answers: z.array(AnswerInput).min(1).max(50) }).strict(),
    output: z.object({ results: z.array(AnswerResult) }),
  },
  /** The leader ends the round; a recurring one schedules its next date. */
  finish: { input: z.object({ id: Id }).strict(), output: RoundView },
  /** Open rounds on a floor the caller leads or joins (the report page's “记入巡查”). */
  openOnFloor: {
    input: z.object({ floorId: Id }).strict(),
    output: RoundList,
  },
  /** Items checked, failed, fixed on the spot and still open, per floor. */
  report: { input: z.object({ id: Id }).strict(), output: RoundReport },
  /** Rounds, findings and 立行立改 over a period (the cockpit's line). */
  figures: {
    input: z.object({ from: Day, to: Day }).strict(),
    output: RoundFigures,
  },
}
