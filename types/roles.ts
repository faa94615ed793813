// Who someone is in the hospital: the roles a staff record carries. Roster duties (层长, 协管员, 楼长,
// 安全办) are roles too; 院领导 and plain staff are given by the administration.

/** Every role, by name. */
export const Role = {
  staff: 'staff',
  floorCaptain: 'floor_captain',
  coordinator: 'coordinator',
  buildingCaptain: 'building_captain',
  safetyOffice: 'safety_office',
  leader: 'leader',
} as const

export type Role = (typeof Role)[keyof typeof Role]

/** The duties a roster file assigns, lowest level first. */
export const ROSTER_DUTIES = [Role.buildingCaptain, Role.coordinator, Role.floorCaptain] as const

export type RosterDuty = (typeof ROSTER_DUTIES)[number]

/** Whether a duty is one a roster file assigns. */
export function isRosterDuty(duty: string): duty is RosterDuty {
  return (ROSTER_DUTIES as readonly string[]).includes(duty)
}

/** The duties that answer for a whole building (楼长 and 协管员). */
export const BUILDING_DUTIES: readonly string[] = [Role.buildingCaptain, Role.coordinator]
