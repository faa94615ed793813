// The `ticket` function: report, read, act.
import { z } from 'zod'
import { PageCursor } from '../cursor'
import { PhotoState } from './media'
import { safeText } from '../text'
import { Photos, TicketAction, TicketState } from '../ticket'

export const TicketEvent = z.object({
  seq: z.number(),
  action: z.string(),
  label: z.string(),
  from: z.string().nullable(),
  to: z.string(),
  actorName: z.string(),
  at: z.string(),
  note: z.string().optional(),
  photos: z.array(z.string()).optional(),
})

export const TicketView = z.object({
  id: z.string(),
  status: TicketState,
  statusLabel: z.string(),
  floorId: z.string(),
  place: z.string(),
  spot: z.string(),
  categoryId: z.string(),
  categoryName: z.string(),
  severity: z.string(),
  description: z.string(),
  photos: z.array(z.string()),
  afterPhotos: z.array(z.string()),
  /** fileID → displayable URL (temporary on H5); absent while a photo is hidden from this viewer. */
  photoUrls: z.record(z.string()),
  /** fileID → content-check state: pending (only reporter and handlers see it), flagged (blurred), redacted. */
  photoStates: z.record(PhotoState).optional(),
  reporterName: z.string().nullable(),
  anonymous: z.boolean(),
  mine: z.boolean(),
  level: z.number(),
  levelLabel: z.string(),
  ownerName: z.string(),
  deadline: z.string().nullable(),
  rating: z.number().nullable(),
  supportCount: z.number(),
  supportedByMe: z.boolean(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
  allowedActions: z.array(TicketAction),
  events: z.array(TicketEvent),
})
export type TicketView = z.infer<typeof TicketView>

export const TicketSummary = TicketView.pick({
  id: true,
  status: true,
  statusLabel: true,
  place: true,
  categoryName: true,
  description: true,
  createdAt: true,
  supportCount: true,
  supportedByMe: true,
  level: true,
  photos: true,
})
export type TicketSummary = z.infer<typeof TicketSummary>

export const CreateTicketInput = z
  .object({
    clientKey: z
      .string()
      .min(8)
      .max(64)
      .regex(/^[A-Za-z0-9_-]+$/, '格式不正确'),
    floorId: z.string().min(1).max(32),
    categoryId: z.string().min(1).max(40),
    photos: Photos,
    description: safeText({ max: 200 }).optional(),
    spot: safeText({ max: 50 }).optional(),
    anonymous: z.boolean().default(false),
  })
  .strict()
export type CreateTicketInput = z.input<typeof CreateTicketInput>

export const ActInput = z
  .object({
    id: z.string().min(1).max(64),
    action: TicketAction,
    version: z.number().int().positive().optional(),
    afterPhotos: Photos.optional(),
    note: z.string().trim().max(200).optional(),
    reason: z.string().trim().min(1).max(200).optional(),
    deadline: z.string().datetime({ offset: true }).optional(),
    departmentId: z.string().max(40).optional(),
    plan: z.string().trim().max(200).optional(),
    rating: z.number().int().min(1).max(5).optional(),
    duplicateOf: z.string().max(64).optional(),
    targetFloorId: z.string().max(32).optional(),
  })
  .strict()
export type ActInput = z.input<typeof ActInput>

const Page = z.object({
  items: z.array(TicketSummary),
  /** Pass back as `before` for the next page; null at the end. */ nextCursor: z
    .string()
    .nullable(),
})
const Cursor = PageCursor.optional()

export const ticketApi = {
  create: { input: CreateTicketInput, output: TicketView },
  get: { input: z.object({ id: z.string().min(1).max(64) }).strict(), output: TicketView },
  mine: {
    input: z
      .object({ limit: z.number().int().min(1).max(50).default(20), before: Cursor })
      .strict(),
    output: Page,
  },
  inbox: {
    input: z
      .object({
        status: TicketState.optional(),
        limit: z.number().int().min(1).max(50).default(20),
        before: Cursor,
      })
      .strict(),
    output: Page.extend({ counts: z.record(z.number()) }),
  },
  openOnFloor: {
    input: z.object({ floorId: z.string().min(1).max(32) }).strict(),
    output: z.object({ items: z.array(TicketSummary) }),
  },
  act: { input: ActInput, output: TicketView },
  escalateUnreachable: {
    input: z.object({ ticketId: z.string(), fromUserId: z.string() }).strict(),
    output: z.object({ escalated: z.boolean() }),
  },
}
