// The `org` function's administration actions: places, roster, departments, categories, invites.
// Only the safety office, or a 楼长 for their own building.
import { z } from 'zod'
import { FALLBACK_GRADE, Grade } from '../grade'

export const Id = z.string().trim().min(1).max(64)
export const FileId = z
  .string()
  .min(1)
  .max(512)
  .regex(/^cloud:\/\//, '应为 cloud:// 文件')
const IsoDate = z
  .string()
  .max(40)
  .refine((s) => !Number.isNaN(Date.parse(s)), '日期不正确')

export const SEVERITIES = ['high', 'medium', 'low'] as const
export const DUTY_KINDS = ['building_captain', 'coordinator', 'floor_captain'] as const

export const AdminScope = z.object({
  all: z.boolean(),
  buildingIds: z.array(z.string()),
  name: z.string(),
})
export type AdminScope = z.infer<typeof AdminScope>

export const AdminFloor = z.object({
  id: z.string(),
  buildingId: z.string(),
  name: z.string(),
  level: z.number(),
  scene: z.string(),
  aliasScenes: z.array(z.string()),
  codeVersion: z.number(),
  active: z.boolean(),
})
export type AdminFloor = z.infer<typeof AdminFloor>
export const AdminBuilding = z.object({
  id: z.string(),
  name: z.string(),
  order: z.number(),
  active: z.boolean(),
  floors: z.array(AdminFloor),
})
export type AdminBuilding = z.infer<typeof AdminBuilding>

export const DutyRow = z.object({
  id: z.string(),
  kind: z.enum(DUTY_KINDS),
  role: z.string(),
  buildingId: z.string(),
  floorId: z.string().nullable(),
  deputy: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  current: z.boolean(),
  userId: z.string(),
  name: z.string(),
  phone: z.string(),
  departmentName: z.string(),
  bound: z.boolean(),
})
export type DutyRow = z.infer<typeof DutyRow>

export const AdminDepartment = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  active: z.boolean(),
})
export type AdminDepartment = z.infer<typeof AdminDepartment>

export const ResponseMinutes = z
  .object({
    high: z.number().int().min(1).max(10080),
    medium: z.number().int().min(1).max(10080),
    low: z.number().int().min(1).max(10080),
  })
  .strict()
export const AdminCategory = z.object({
  id: z.string(),
  name: z.string(),
  icon: z.string(),
  severity: z.enum(SEVERITIES),
  /** The grade its hazards are reported with (一般 / 重大). */
  grade: Grade,
  responseMinutes: ResponseMinutes,
  urgent: z.boolean(),
  order: z.number(),
  active: z.boolean(),
})
export type AdminCategory = z.infer<typeof AdminCategory>

export const RosterIssue = z.object({
  row: z.number().nullable(),
  column: z.string().nullable(),
  message: z.string(),
})
export type RosterIssue = z.infer<typeof RosterIssue>
export const RosterChange = z.object({
  role: z.string(),
  place: z.string(),
  name: z.string(),
  phone: z.string(),
  previous: z.object({ name: z.string(), phone: z.string() }).optional(),
  fields: z.array(z.string()).optional(),
})
export type RosterChange = z.infer<typeof RosterChange>
export const RosterPreview = z.object({
  applied: z.boolean(),
  rows: z.number(),
  added: z.array(RosterChange),
  changed: z.array(RosterChange),
  handedOver: z.array(RosterChange),
  removed: z.array(RosterChange),
  unchanged: z.number(),
  /** What the roster still lacks (a building without 楼长 …): shown with the preview, never refused. */
  warnings: z.array(RosterIssue),
})
export type RosterPreview = z.infer<typeof RosterPreview>

export const AuditEntry = z.object({
  kind: z.string(),
  at: z.string(),
  userId: z.string().nullable(),
  userName: z.string(),
  byName: z.string(),
  note: z.string(),
})
export type AuditEntry = z.infer<typeof AuditEntry>

export const StoredFile = z.object({ fileID: z.string(), url: z.string() })

export const orgAdminApi = {
  'admin.scope': { input: z.object({}).strict(), output: AdminScope },
  'places.list': {
    input: z.object({}).strict(),
    output: z.object({ buildings: z.array(AdminBuilding), hospitalName: z.string() }),
  },
  'building.save': {
    input: z
      .object({
        id: Id.optional(),
        name: z.string().trim().min(1).max(30),
        /** On creation only: add floors 1层…N层 at once. */
        floors: z.number().int().min(0).max(80).optional(),
      })
      .strict(),
    output: z.object({ id: z.string() }),
  },
  'building.retire': {
    input: z.object({ id: Id, retired: z.boolean() }).strict(),
    output: z.object({ id: z.string(), active: z.boolean() }),
  },
  'floor.save': {
    input: z
      .object({
        id: Id.optional(),
        buildingId: Id,
        name: z.string().trim().min(1).max(20),
        level: z.number().int().min(-20).max(200),
      })
      .strict(),
    output: z.object({ id: z.string(), scene: z.string() }),
  },
  'floor.retire': {
    input: z.object({ id: Id, retired: z.boolean() }).strict(),
    output: z.object({ id: z.string(), active: z.boolean() }),
  },
  'floor.reissueCode': {
    input: z.object({ id: Id, keepOld: z.boolean() }).strict(),
    output: z.object({ scene: z.string(), aliasScenes: z.array(z.string()) }),
  },
  'settings.save': {
    input: z.object({ hospitalName: z.string().trim().min(1).max(40) }).strict(),
    output: z.object({ hospitalName: z.string() }),
  },
  'departments.list': { input: z.object({}).strict(), output: z.array(AdminDepartment) },
  'department.save': {
    input: z
      .object({
        id: Id.optional(),
        name: z.string().trim().min(1).max(30),
        kind: z.string().trim().min(1).max(20).default('other'),
        active: z.boolean().default(true),
      })
      .strict(),
    output: AdminDepartment,
  },
  'categories.all': { input: z.object({}).strict(), output: z.array(AdminCategory) },
  'category.save': {
    input: z
      .object({
        id: Id.optional(),
        name: z.string().trim().min(1).max(20),
        icon: z.string().max(8).default('📌'),
        severity: z.enum(SEVERITIES),
        grade: Grade.default(FALLBACK_GRADE),
        responseMinutes: ResponseMinutes,
        urgent: z.boolean(),
        order: z.number().int().min(0).max(1000).optional(),
        active: z.boolean().default(true),
      })
      .strict(),
    output: AdminCategory,
  },
  'duties.list': {
    input: z.object({ buildingId: Id, history: z.boolean().default(false) }).strict(),
    output: z.object({ duties: z.array(DutyRow) }),
  },
  'duty.assign': {
    input: z
      .object({
        kind: z.enum(DUTY_KINDS),
        buildingId: Id,
        floorId: Id.optional(),
        deputy: z.boolean().default(false),
        person: z
          .object({
            name: z.string().trim().min(1).max(20),
            phone: z
              .string()
              .trim()
              .regex(/^1[3-9]\d{9}$/, '应为 11 位手机号'),
            departmentName: z.string().trim().max(30).default(''),
          })
          .strict(),
        validFrom: IsoDate.optional(),
        validTo: IsoDate.optional(),
        /** End the current holder(s) of the same duty at validFrom (交接). */
        handover: z.boolean().default(false),
      })
      .strict(),
    output: z.object({ dutyId: z.string(), userId: z.string(), ended: z.array(z.string()) }),
  },
  'duty.end': {
    input: z.object({ id: Id, at: IsoDate.optional() }).strict(),
    output: z.object({ id: z.string(), ended: z.boolean() }),
  },
  'invite.create': {
    input: z.object({ userId: Id }).strict(),
    output: z.object({
      code: z.string(),
      expiresAt: z.string(),
      scene: z.string(),
      page: z.string(),
      /** The mini-program code as a PNG data URL, for showing on screen. */
      qr: z.string(),
    }),
  },
  'invite.redeem': {
    input: z
      .object({
        code: z
          .string()
          .trim()
          .regex(/^\d{6}$/, '应为 6 位数字'),
      })
      .strict(),
    output: z.object({ id: z.string(), name: z.string(), roles: z.array(z.string()) }),
  },
  'user.unbind': {
    input: z.object({ userId: Id }).strict(),
    output: z.object({ userId: z.string(), unbound: z.boolean() }),
  },
  'audit.list': {
    input: z.object({ userId: Id.optional() }).strict(),
    output: z.array(AuditEntry),
  },
}
