// Which templates each consent request names. WeChat takes at most three ids per request and never
// mixes one-time and long-term ones; the three a captain needs for hazards fill a request, so the
// evening list is asked for on its own tap and never takes one of their places.
import templates from '../../database/subscribe-templates.json'
import { TEMPLATE_IDS } from '../../types/api/notify'

export type ConsentPurpose = 'captain' | 'reporter' | 'longTerm' | 'evening' | 'round'

/** A declared template's kind (one-time unless the data says long-term). */
export const kindOf = (id: string): string => templates.find((t) => t.id === id)?.kind ?? 'one-time'

const longTermId = templates.find((t) => t.kind === 'long-term')?.id

/** The templates a request for `purpose` names. */
export const CONSENT_PLAN: Record<ConsentPurpose, string[]> = {
  captain: [TEMPLATE_IDS.assigned, TEMPLATE_IDS.escalated, TEMPLATE_IDS.reminder],
  reporter: [TEMPLATE_IDS.resolved],
  evening: [TEMPLATE_IDS.evening],
  round: [TEMPLATE_IDS.round],
  longTerm: longTermId ? [longTermId] : [],
}

/** Whether the account declares a long-term template captains can turn on. */
export const LONG_TERM_AVAILABLE = Boolean(longTermId)
