// A round as stored, and who stands how towards it. Pure.
import { Role } from '../../../../types/roles'
import type { Recurrence, RoundState } from '../../../../types/api/rounds'

/** A round as stored. */
export interface RoundDoc {
  _id: string
  /** Every occurrence of a recurring round shares it (the first occurrence's id). */
  seriesId: string
  status: RoundState
  buildingId: string
  buildingName: string
  floors: Array<{ id: string; name: string }>
  /** Every floor of the building (a floor added later joins the next occurrence). */
  allFloors: boolean
  floorIds: string[]
  templateId: string
  templateName: string
  templateVersion: number | null
  leaderId: string
  leaderName: string
  participants: Array<{ id: string; name: string }>
  participantIds: string[]
  /** The day it is scheduled for (YYYY-MM-DD, Asia/Shanghai). */
  date: string
  recurrence: Recurrence
  startedAt: Date | null
  finishedAt: Date | null
  /** Whether the day-before reminder was queued. */
  remindedAt: Date | null
  createdBy: string
  createdAt: Date
  updatedAt: Date
}

/** How the caller stands towards a round. */
export type RoundRelation = 'leader' | 'participant' | 'safety' | 'hospitalLeader'

/** The caller's relations to a round. */
export function roundRelations(
  user: { _id: string; roles: readonly string[] },
  round: Pick<RoundDoc, 'leaderId' | 'participantIds'>,
): Set<RoundRelation> {
  const out = new Set<RoundRelation>()
  if (round.leaderId === user._id) out.add('leader')
  if (round.participantIds.includes(user._id)) out.add('participant')
  if (user.roles.includes(Role.safetyOffice)) out.add('safety')
  if (user.roles.includes(Role.leader)) out.add('hospitalLeader')
  return out
}

/** Who may read a round: its people, the safety office, hospital leadership. */
export const canSee = (r: ReadonlySet<RoundRelation>): boolean => r.size > 0
/** Who records answers and findings: the leader and the invited participants, while it is open. */
export const canAnswer = (r: ReadonlySet<RoundRelation>, status: RoundState): boolean =>
  status === 'open' && (r.has('leader') || r.has('participant'))
/** Who starts it: its leader, once scheduled. */
export const canStart = (r: ReadonlySet<RoundRelation>, status: RoundState): boolean =>
  status === 'scheduled' && r.has('leader')
/** Who ends it: its leader or the safety office, once open. */
export const canFinish = (r: ReadonlySet<RoundRelation>, status: RoundState): boolean =>
  status === 'open' && (r.has('leader') || r.has('safety'))

/** The roles a round may be led by: a 楼长 of its building (checked by duty) or the safety office. */
export const LEADER_ROLES: readonly string[] = [Role.buildingCaptain, Role.safetyOffice]
/** The roles that may be invited: hospital leadership, coordinators, the safety office. */
export const PARTICIPANT_ROLES: readonly string[] = [
  Role.leader,
  Role.coordinator,
  Role.safetyOffice,
]
