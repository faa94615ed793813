// The duty roster and the escalation chain it yields: 层长 (deputy) → 协管员 → 楼长 → 安全办. Pure.
import type { UserDoc } from '../../ticket/domain/ticket'

/** One duty on the roster: who holds which captaincy where, and when. */
export interface DutyDoc {
  _id: string
  userId: string
  duty: string
  floorId?: string
  buildingId?: string
  deputy: boolean
  validFrom: Date
  validTo: Date | null
}

export type Level = 0 | 1 | 2 | 3

/** One step of a floor's escalation chain: who owns work at a level. */
export interface OwnerStep {
  level: Level
  userId: string
  openid: string
  name: string
  phone: string
  deputy: boolean
  duty: string
}

/** The level each duty owns work at. */
export const LEVEL_OF: Record<string, Level> = {
  floor_captain: 0,
  coordinator: 1,
  building_captain: 2,
  safety_office: 3,
}

/** Orders duties valid at `at` into the escalation chain: level, then primary before deputy. */
export function resolveOwnerChain(duties: DutyDoc[], users: UserDoc[], at: Date): OwnerStep[] {
  const byId = new Map(users.filter((u) => u.active).map((u) => [u._id, u]))
  return duties
    .filter(
      (d) =>
        d.duty in LEVEL_OF &&
        new Date(d.validFrom) <= at &&
        (!d.validTo || new Date(d.validTo) > at) &&
        byId.has(d.userId),
    )
    .map((d) => {
      const u = byId.get(d.userId)!
      return {
        level: LEVEL_OF[d.duty],
        userId: u._id,
        openid: u.openid,
        name: u.name,
        phone: u.phone ?? '',
        deputy: d.deputy,
        duty: d.duty,
      }
    })
    .sort(
      (a, b) =>
        a.level - b.level ||
        Number(a.deputy) - Number(b.deputy) ||
        a.userId.localeCompare(b.userId),
    )
}

/** The owner at `level` or, when nobody holds it, the next level up. */
export function ownerAtOrAbove(chain: readonly OwnerStep[], level: number): OwnerStep | undefined {
  return chain.find((s) => s.level >= level)
}
