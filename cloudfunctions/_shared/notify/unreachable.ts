// Who cannot be reached while something rests on them: captains with no reminders left, who never
// subscribed, or without a phone for the SMS fallback — listed only when open work is at stake (their
// own, or on the floor or building they answer for), grouped by building, since when, and how many
// hazards they own or were copied on.
import { LEVEL_LABELS } from '../../../types/ticket'
import { LEVEL_OF } from '../org/domain/owner-chain'
import { consentsOfUsers } from './store/consents'
import { copiedCounts } from './store/outbox'
import { captainsWithDuties, listBuildings } from '../org/store/org'
import { openCountsByFloor, openOwnedCounts } from '../ticket/store/tickets'
import type { ActionContext } from '../runtime/context'
import { TEMPLATE_IDS } from '../../../types/api/notify'
import { LONG_TERM_TEMPLATE } from './templates'

type Reason = 'none_left' | 'never_asked' | 'no_phone'

/** The safety office's board: unreachable captains with open work at stake, most burdened first. */
export async function unreachableCaptains(
  ctx: ActionContext,
  filter: { buildingId?: string; reason?: Reason } = {},
) {
  const [captains, buildings, openByFloor] = await Promise.all([
    captainsWithDuties(ctx.db, ctx.now()),
    listBuildings(ctx.db),
    openCountsByFloor(ctx.db),
  ])
  const ids = captains.map((c) => c.user._id)
  const [consents, owned, copied] = await Promise.all([
    consentsOfUsers(ctx.db, ids),
    openOwnedCounts(ctx.db),
    copiedCounts(ctx.db),
  ])
  const buildingOf = new Map(buildings.flatMap((b) => b.floors.map((f) => [f._id, b._id])))
  const nameOf = new Map(buildings.map((b) => [b._id, b.name]))
  const orderOf = new Map(buildings.map((b, i) => [b._id, i]))
  const onFloor = new Map(openByFloor.map((r) => [r.floorId, r.n]))
  const inBuilding = new Map<string, number>()
  for (const r of openByFloor)
    inBuilding.set(r.buildingId, (inBuilding.get(r.buildingId) ?? 0) + r.n)

  const unreachable = captains.flatMap(({ user, duty, places }) => {
    const mine = consents.filter((c) => c.userId === user._id)
    const longTerm = mine.some((c) => c.templateId === LONG_TERM_TEMPLATE && c.longTerm)
    const credits = mine.find((c) => c.templateId === TEMPLATE_IDS.assigned)?.credits ?? 0
    const reasons: Reason[] = []
    if (!longTerm && credits === 0)
      reasons.push(mine.length || user.consentAnsweredAt ? 'none_left' : 'never_asked')
    if (!/^1\d{10}$/.test(user.phone ?? '')) reasons.push('no_phone')
    if (reasons.length === 0) return []
    // A floor's work rests on its 层长; a building's on its 协管员 and 楼长 (the safety office: none).
    const atStake = places.reduce(
      (n, p) =>
        n + (p.floorId ? (onFloor.get(p.floorId) ?? 0) : (inBuilding.get(p.buildingId ?? '') ?? 0)),
      0,
    )
    const place = places.find((p) => p.floorId || p.buildingId)
    const buildingId = place?.buildingId ?? buildingOf.get(place?.floorId ?? '') ?? ''
    return [
      {
        userId: user._id,
        name: user.name,
        role: LEVEL_LABELS[LEVEL_OF[duty]] ?? '',
        phone: user.phone ?? '',
        buildingId,
        buildingName: nameOf.get(buildingId) ?? '全院',
        reasons,
        since: user.unreachableSince ? new Date(user.unreachableSince).toISOString() : null,
        owned: owned[user._id] ?? 0,
        atStake,
        copied: copied[user._id] ?? 0,
        nudgedAt: user.nudgedAt ? new Date(user.nudgedAt).toISOString() : null,
      },
    ]
  })
  const stake = unreachable.filter((u) => u.owned + u.atStake > 0)
  const byReason = stake.filter((u) => !filter.reason || u.reasons.includes(filter.reason))
  const groups = new Map<
    string,
    { buildingId: string; buildingName: string; count: number; atStake: number }
  >()
  for (const u of byReason) {
    const g = groups.get(u.buildingId) ?? {
      buildingId: u.buildingId,
      buildingName: u.buildingName,
      count: 0,
      atStake: inBuilding.get(u.buildingId) ?? 0,
    }
    g.count++
    groups.set(u.buildingId, g)
  }
  const order = (id: string) => orderOf.get(id) ?? Number.MAX_SAFE_INTEGER
  return {
    items: byReason
      .filter((u) => !filter.buildingId || u.buildingId === filter.buildingId)
      .sort(
        (a, b) =>
          order(a.buildingId) - order(b.buildingId) ||
          b.owned + b.atStake - (a.owned + a.atStake) ||
          a.name.localeCompare(b.name, 'zh'),
      ),
    groups: [...groups.values()].sort(
      (a, b) => b.count - a.count || order(a.buildingId) - order(b.buildingId),
    ),
    idle: unreachable.length - stake.length,
  }
}
