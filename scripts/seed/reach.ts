// Who in the demo hospital has turned reminders on: most captains banked consents long ago (some
// chose long-term reminders), a few never answered or let them run out — a realistic board.
import { TEMPLATE_IDS } from '../../types/api/notify'
import { buildHospital } from './hospital'

const CAPTAIN_ROLES = ['floor_captain', 'coordinator', 'building_captain']

/** How one captain answered the consent sheet before the history starts. */
export type Banked = { openid: string; longTerm: boolean; rounds: number }

/** A small deterministic generator, so every seeded hospital is the same. */
function prng(seed: number): () => number {
  let s = seed >>> 0
  return () => {
    s = (s + 0x6d2b79f5) >>> 0
    let t = s
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

/**
 * The captains who bank consents before the history: about 92 % of them (a third with long-term
 * reminders, the rest 2–4 rounds of the three hazard templates); the demo personas are left to
 * their own taps, so the demo still shows the consent flow.
 */
export function bankedCaptains(seed = 19): Banked[] {
  const rnd = prng(seed)
  return buildHospital()
    .users.filter((u) => (u.roles as string[]).some((r) => CAPTAIN_ROLES.includes(r)))
    .map((u) => String(u.openid))
    .filter((openid) => !openid.startsWith('demo-'))
    .flatMap((openid) => {
      const r = rnd()
      if (r < 0.08) return []
      return [{ openid, longTerm: r < 0.38, rounds: 2 + Math.floor(rnd() * 3) }]
    })
}

/** The templates one consent request of a captain names (at most three, one kind). */
export function consentTemplates(b: Banked): string[] {
  return b.longTerm
    ? [TEMPLATE_IDS.longTerm]
    : [TEMPLATE_IDS.assigned, TEMPLATE_IDS.escalated, TEMPLATE_IDS.reminder]
}
