// Role-aware work lists of the `ticket` function: what each role sees in 待办.
// Kept beside ticket.ts and merged with it in ticket-function.ts.
import { z } from 'zod'
import { TicketState } from '../ticket'
import { Cursor, Page } from './ticket'

/** Which 待办 a caller gets: decided by the server from their roles and duties. */
export const WorkbenchKind = z.enum(['reporter', 'floor', 'building', 'safety', 'leader'])
export type WorkbenchKind = z.infer<typeof WorkbenchKind>

const Place = z.object({ id: z.string(), name: z.string() })

export const Workbench = z.object({
  kind: WorkbenchKind,
  /** Leadership watches; it never acts from its list. */
  readOnly: z.boolean(),
  /** The buildings a 协管员/楼长 holds a duty for, with their floors. */
  buildings: z.array(Place.extend({ floors: z.array(Place) })),
  /** The floors a 层长 holds a duty for. */
  floors: z.array(Place),
  /** My reports that wait for my confirmation (the badge on 我的上报). */
  awaitingConfirm: z.number(),
})
export type Workbench = z.infer<typeof Workbench>

const Limit = z.number().int().min(1).max(50).default(20)
const Day = z.string().regex(/^\d{4}-\d\d-\d\d$/, '日期格式应为 YYYY-MM-DD')
const Id = z.string().min(1).max(40)

/** A state filter: one state, or every open / every finished state. */
export const StateFilter = z.union([TicketState, z.enum(['open', 'done'])])
export type StateFilter = z.infer<typeof StateFilter>

export const HospitalFilter = z
  .object({
    buildingId: Id.optional(),
    floorId: Id.optional(),
    categoryId: Id.optional(),
    status: StateFilter.optional(),
    level: z.number().int().min(0).max(3).optional(),
    overdue: z.boolean().optional(),
    /** Reported on or after this day (Asia/Shanghai). */
    from: Day.optional(),
    /** Reported on or before this day (Asia/Shanghai). */
    to: Day.optional(),
    /** Words in the description, place, category or spot. */
    q: z.string().trim().max(40).optional(),
  })
  .strict()
export type HospitalFilter = z.input<typeof HospitalFilter>

export const ticketListApi = {
  workbench: { input: z.object({}).strict(), output: Workbench },
  building: {
    input: z
      .object({
        /** Defaults to the caller's first building. */
        buildingId: Id.optional(),
        limit: Limit,
        before: Cursor,
      })
      .strict(),
    output: Page.extend({
      building: Place,
      /** Open tickets of the building; `owned` of them are the caller's; `overdue` past due. */
      counts: z.object({
        open: z.number(),
        owned: z.number(),
        overdue: z.number(),
        done: z.number(),
      }),
      /** Open tickets per floor, for the group headings. */
      floors: z.array(Place.extend({ open: z.number() })),
    }),
  },
  done: {
    input: z
      .object({
        /** A building in the caller's scope; without it, the floors the caller is 层长 of. */
        buildingId: Id.optional(),
        limit: Limit,
        before: Cursor,
      })
      .strict(),
    output: Page.extend({ total: z.number() }),
  },
  hospital: {
    input: HospitalFilter.extend({ limit: Limit, before: Cursor }).strict(),
    output: Page.extend({ total: z.number() }),
  },
}
