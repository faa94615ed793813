// The domain's nouns: a ticket and its journal events as stored, and the staff member behind a call.
import type { UserDoc } from '../../../../types/staff'
import type { TicketState } from '../../../../types/ticket'
import type { Grade, MajorPlan, Signoff } from '../../../../types/grade'

export type { UserDoc }

/** Where a hazard came from when not from a scan on the floor: an inspection round. */
export interface TicketSource {
  kind: 'round'
  roundId: string
}

/** A hazard ticket as stored. */
export interface TicketDoc {
  _id: string
  clientKey: string
  reporterId: string
  reporterName: string
  anonymous: boolean
  floorId: string
  buildingId: string
  place: string
  spot: string
  categoryId: string
  categoryName: string
  severity: string
  /** 一般 / 重大: from the category when reported, changed by the safety office (absent: general). */
  grade?: Grade
  /** A 重大 hazard's 五定 plan. */
  majorPlan?: MajorPlan | null
  /** A 重大 hazard's sign-offs (销号) in this cycle. */
  signoffs?: Signoff[]
  /** Urgent categories never wait for quiet hours and fall back to SMS. */
  urgent?: boolean
  description: string
  photos: string[]
  afterPhotos: string[]
  status: TicketState
  level: number
  ownerId: string
  ownerName: string
  cycle: number
  version: number
  supporterIds: string[]
  rated: boolean
  rating: number | null
  deadline: Date | null
  departmentId: string | null
  departmentName?: string | null
  plan: string | null
  /** The original this ticket duplicates, when marked duplicate. */
  duplicateOf?: string | null
  /** Tickets marked as duplicates of this one. */
  duplicateIds?: string[]
  /** Minutes the owner has to accept at each level (the category's, for this severity). */
  responseMinutes?: number
  /** When the current SLA step began (report, escalation, deferral, completion). */
  stepStartedAt?: Date
  /** Reminders sent in the current step. */
  reminders?: number
  /** When the current step is due, and which step it is (null: nothing is due). */
  dueAt?: Date | null
  dueStep?: string | null
  /** Why the ticket last climbed the ladder, as its record says. */
  escalationNote?: string | null
  /** The deadline passed before the work was completed. */
  overdue?: boolean
  resolvedAt: Date | null
  /** Who resolved the current cycle. */
  resolvedBy?: string | null
  /** Who submitted the deferred work for verification. */
  completedBy?: string | null
  acceptedAt?: Date | null
  /** Found on an inspection round (absent: reported from the floor). */
  source?: TicketSource
  createdAt: Date
  updatedAt: Date
}

/** One line of a ticket's journal; its id `${ticketId}:${seq}` makes a retry harmless. */
export interface EventDoc {
  _id: string
  ticketId: string
  seq: number
  cycle: number
  action: string
  from: TicketState | null
  to: TicketState
  actorId: string
  actorName: string
  at: Date
  note?: string
  photos?: string[]
  /** Its photos wait for their screening (metadata, content check): `ticket.follow` or the sla sweep. */
  unscreened?: boolean
  /** For a change of owner: who had it and who has it now. */
  fromOwner?: { level: number; name: string } | null
  toOwner?: { level: number; name: string } | null
  /** On the report's event: where the hazard came from, when a round found it. */
  source?: TicketSource
}

/** Who causes a transition: a staff member, or the system (timers, platform callbacks). */
export type Actor =
  | { kind: 'user'; id: string; name: string; user: UserDoc }
  | { kind: 'system'; id: 'system'; name: string }
