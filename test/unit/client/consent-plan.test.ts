// Consent requests: at most three templates of one kind each; the hazard templates a captain needs
// always fill their own request, and the evening list is asked for apart from them.
import { CONSENT_PLAN, kindOf } from '../../../src/services/consent-plan'
import { TEMPLATE_IDS } from '../../../types/api/notify'

describe('consent requests', () => {
  it.each(Object.entries(CONSENT_PLAN))(
    '%s names at most three templates of one kind',
    (_p, ids) => {
      expect(ids.length).toBeLessThanOrEqual(3)
      expect(new Set(ids.map(kindOf)).size).toBeLessThanOrEqual(1)
    },
  )

  it('keeps the captain’s hazard templates whole and the evening list on its own request', () => {
    expect(CONSENT_PLAN.captain).toEqual([
      TEMPLATE_IDS.assigned,
      TEMPLATE_IDS.escalated,
      TEMPLATE_IDS.reminder,
    ])
    expect(CONSENT_PLAN.evening).toEqual([TEMPLATE_IDS.evening])
    expect(CONSENT_PLAN.captain).not.toContain(TEMPLATE_IDS.evening)
  })
})
