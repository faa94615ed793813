// The SLA ladder's acts are parsed by the contract like any caller's: each due step yields an act
// its action's schema accepts, and only the system may take that action.
import { ActInput, ACT_INPUTS } from '../../../types/api/ticket'
import type { TicketAction } from '../../../types/ticket'
import { actForDue } from '../../../cloudfunctions/_shared/ladder/step'
import type { DueStep } from '../../../cloudfunctions/_shared/ladder/domain/sla'
import { TRANSITIONS } from '../../../cloudfunctions/_shared/ticket/domain/machine'
import type { TicketDoc } from '../../../cloudfunctions/_shared/ticket/domain/ticket'

const local = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`)
const ticket = (dueStep: DueStep) =>
  ({
    _id: 't1',
    version: 3,
    level: 0,
    createdAt: local('2026-11-24 09:00:00'),
    updatedAt: local('2026-11-24 09:00:00'),
    stepStartedAt: local('2026-11-24 09:00:00'),
    deadline: local('2026-11-27 23:59:59'),
    dueStep,
  }) as TicketDoc

describe('the system’s acts go through the contract', () => {
  it.each<[DueStep, TicketAction]>([
    ['accept', 'escalate'],
    ['deadline-remind', 'remind'],
    ['deadline', 'overdue'],
    ['verify-remind', 'remind'],
    ['verify-escalate', 'remind'],
  ])('%s → %s, accepted by its schema', (step, action) => {
    const act = actForDue(ticket(step), local('2026-11-26 23:00:00'))!
    expect(act.action).toBe(action)
    expect(ACT_INPUTS[action].safeParse(act).success).toBe(true)
    expect(ActInput.parse(act)).toMatchObject({ id: 't1', version: 3, action })
    expect(TRANSITIONS[action].who).toContain('system')
  })

  it('refuses a system act that breaks its contract, as it would a caller’s', () => {
    const act = actForDue(ticket('accept'), local('2026-11-24 10:00:00'))!
    expect(ActInput.safeParse({ ...act, reason: '' }).success).toBe(false)
    expect(ActInput.safeParse({ ...act, target: 'owner' }).success).toBe(false)
  })
})
