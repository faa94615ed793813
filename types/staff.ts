// A staff member as the backend stores them: identity, roles, reach and block state.

/** A staff member as stored. */
export interface UserDoc {
  _id: string
  openid: string
  name: string
  phone?: string
  roles: string[]
  departmentId?: string
  departmentName?: string
  active: boolean
  /** Set when a push to them found no consent left; cleared by their next accepted consent. */
  unreachable?: boolean
  unreachableSince?: Date | null
  consentAnsweredAt?: Date | null
  /** When the safety office last asked them to top up their reminders. */
  nudgedAt?: Date | null
  /** Blocked by the safety office: every action is refused with auth.blocked. */
  blocked?: boolean
  blockedReason?: string
  blockedAt?: Date
}
