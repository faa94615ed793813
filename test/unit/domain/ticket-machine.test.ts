// Every action × state × relation against a table written by hand from DESIGN.md.
import {
  check,
  allowedActions,
  type Relation,
  type TicketFacts,
} from '../../../cloudfunctions/_shared/domain/ticket-machine'
import {
  TICKET_ACTIONS,
  TICKET_STATES,
  type TicketAction,
  type TicketState,
} from '../../../types/ticket'

const H = ['owner', 'above', 'safety']
// action: [states it applies to, relations allowed, resulting state ('=' stays)]
const EXPECTED: Record<TicketAction, [string[], string[], string]> = {
  accept: [['pending'], H, 'processing'],
  fix: [['pending', 'processing'], H, 'fixed'],
  defer: [['pending', 'processing'], H, 'rectifying'],
  complete: [['rectifying'], H, 'reviewing'],
  verify: [['reviewing'], ['above', 'safety'], 'closed'],
  sendBack: [['reviewing'], ['above', 'safety'], 'rectifying'],
  transfer: [['pending', 'processing'], H, 'pending'],
  escalate: [['pending', 'processing', 'rectifying'], H, '='],
  reject: [['pending', 'processing'], H, 'rejected'],
  duplicate: [['pending', 'processing'], H, 'duplicate'],
  confirm: [['fixed', 'closed'], ['reporter'], '='],
  reopen: [['fixed', 'closed', 'rejected'], ['reporter'], 'pending'],
  support: [['pending', 'processing', 'rectifying', 'reviewing'], ['staff'], '='],
}
const RELATIONS: Relation[] = ['reporter', 'owner', 'above', 'safety', 'staff']
const now = new Date('2026-11-24T08:00:00Z')
const facts = (status: TicketState): TicketFacts => ({
  status,
  level: 0,
  rated: false,
  supporterIds: [],
  resolvedAt: new Date('2026-11-23T08:00:00Z'),
})

const matrix = TICKET_ACTIONS.flatMap((action) =>
  TICKET_STATES.flatMap((state) => RELATIONS.map((rel) => [action, state, rel] as const)),
)

describe('ticket transitions: every action × state × relation', () => {
  it('covers the whole matrix', () => expect(matrix).toHaveLength(13 * 8 * 5))

  it.each(matrix)('%s from %s as %s', (action, state, rel) => {
    const [states, who, to] = EXPECTED[action]
    const res = check(action, facts(state), new Set([rel]), 'actor', now)
    if (!who.includes(rel)) expect(res).toMatchObject({ ok: false, code: 'auth.forbidden' })
    else if (!states.includes(state))
      expect(res).toMatchObject({ ok: false, code: 'ticket.invalid_transition' })
    else expect(res).toEqual({ ok: true, to: to === '=' ? state : to })
  })
})

describe('guards', () => {
  const yes = (action: TicketAction, f: Partial<TicketFacts>, rel: Relation[], actor = 'me') =>
    check(action, { ...facts('pending'), ...f }, new Set(rel), actor, now).ok
  it.each([
    [
      'no escalation past the safety office',
      () => yes('escalate', { level: 3 }, ['safety']),
      false,
    ],
    ['escalation below it', () => yes('escalate', { level: 2 }, ['owner']), true],
    [
      'one rating per cycle',
      () => yes('confirm', { status: 'fixed', rated: true }, ['reporter']),
      false,
    ],
    ['no +1 on your own report', () => yes('support', {}, ['reporter', 'staff']), false],
    ['no second +1', () => yes('support', { supporterIds: ['me'] }, ['staff']), false],
    [
      'reopen within 7 days',
      () =>
        yes('reopen', { status: 'fixed', resolvedAt: new Date('2026-11-18T08:00:00Z') }, [
          'reporter',
        ]),
      true,
    ],
    [
      'no reopen after 7 days',
      () =>
        yes('reopen', { status: 'fixed', resolvedAt: new Date('2026-11-16T08:00:00Z') }, [
          'reporter',
        ]),
      false,
    ],
  ])('%s', (_name, run, expected) => expect(run()).toBe(expected))

  it('lists allowed actions for the buttons', () => {
    expect(
      allowedActions(facts('pending'), new Set<Relation>(['owner', 'staff']), 'me', now),
    ).toEqual(['accept', 'fix', 'defer', 'transfer', 'escalate', 'reject', 'duplicate'])
    expect(
      allowedActions(facts('fixed'), new Set<Relation>(['reporter', 'staff']), 'me', now),
    ).toEqual(['confirm', 'reopen'])
  })
})
