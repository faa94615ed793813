// A 限期整改 deadline is a day (its end, 23:59:59 in Shanghai) or a time; every word about it names
// the deadline itself; 逾期 is recorded at the deadline; escalation texts count business minutes.
import { Deadline, deadlineInstant, deadlineText, isWholeDay } from '../../../types/deadline'
import { ACT_INPUTS } from '../../../types/api/ticket'
import { actedAt, actForDue } from '../../../cloudfunctions/_shared/ladder/step'
import { parseQuietHours } from '../../../cloudfunctions/_shared/ladder/domain/sla'
import type { TicketDoc } from '../../../cloudfunctions/_shared/ticket/domain/ticket'

const local = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`)

describe('the deadline contract', () => {
  // The contract judges "in the future" by the clock; a Wednesday 10:00 in Shanghai.
  beforeAll(() => jest.useFakeTimers({ now: local('2026-11-25 10:00:00') }))
  afterAll(() => jest.useRealTimers())

  it.each<[string, string, string | null]>([
    ['a day is the end of that day in Shanghai', '2026-12-06', '2026-12-06T15:59:59.000Z'],
    ['today is still ahead until 23:59:59', '2026-11-25', '2026-11-25T15:59:59.000Z'],
    ['a time with its offset', '2026-12-06T15:00:00+08:00', '2026-12-06T07:00:00.000Z'],
    ['a time in UTC', '2026-12-06T07:00:00Z', '2026-12-06T07:00:00.000Z'],
    ['yesterday has passed', '2026-11-24', null],
    ['a time already past', '2026-11-25T09:59:00+08:00', null],
    ['no such day', '2026-02-30', null],
    ['a wall-clock time without its offset is ambiguous', '2026-12-06 15:00', null],
    ['more than a year out', '2027-12-01', null],
    ['not a date', 'tomorrow', null],
  ])('%s: %s', (_name, input, stored) => {
    const parsed = Deadline.safeParse(input)
    expect(parsed.success ? parsed.data : null).toBe(stored)
  })

  it('reaches the defer action as one unambiguous instant', () => {
    const parsed = ACT_INPUTS.defer.parse({
      id: 't1',
      action: 'defer',
      deadline: '2026-12-06',
      departmentId: 'property',
      plan: '更换地垫',
    })
    expect(parsed.deadline).toBe('2026-12-06T15:59:59.000Z')
  })

  it.each<[string, string, boolean, string]>([
    ['a whole day', '2026-12-06', true, '12-06 23:59'],
    ['a time', '2026-12-06T15:00:00+08:00', false, '12-06 15:00'],
  ])('%s reads as its deadline', (_name, input, whole, text) => {
    const at = deadlineInstant(input)!
    expect(isWholeDay(at)).toBe(whole)
    expect(deadlineText(at)).toBe(text)
    expect(deadlineText(at, true)).toBe(`2026-${text}`)
  })
})

describe('the sweep’s acts name the deadline and count business time', () => {
  const quiet = parseQuietHours('22:00-07:00')
  const DAY_END = local('2026-12-06 23:59:59')
  const ticket = (over: Partial<TicketDoc>) =>
    ({
      _id: 't1',
      version: 3,
      createdAt: local('2026-11-24 23:00:00'),
      updatedAt: local('2026-12-01 10:00:00'),
      stepStartedAt: local('2026-11-24 23:00:00'),
      deadline: DAY_END,
      ...over,
    }) as TicketDoc
  it.each<[string, Partial<TicketDoc>, string, string]>([
    [
      'reported 23:00, escalated 07:31: 31 minutes of business time, not 511',
      { dueStep: 'accept' },
      '2026-11-25 07:31:00',
      '超时 31 分钟未受理',
    ],
    [
      'urgent: the night counts',
      { dueStep: 'accept', urgent: true },
      '2026-11-24 23:16:00',
      '超时 16 分钟未受理',
    ],
    [
      'the evening-before reminder names the deadline and the hours truly left',
      { dueStep: 'deadline-remind' },
      '2026-12-05 21:59:00',
      '期限12-06 23:59，剩26小时',
    ],
    [
      'overdue names the deadline',
      { dueStep: 'deadline' },
      '2026-12-07 00:00:00',
      '整改逾期（期限 12-06 23:59）',
    ],
  ])('%s', (_name, over, now, reason) => {
    expect(actForDue(ticket(over), local(now), quiet)).toMatchObject({ reason })
    // A push's 说明 field holds 20 characters: the deadline must survive the cut.
    expect([...reason].length).toBeLessThanOrEqual(20)
  })

  it.each<[string, Partial<TicketDoc>, string, string]>([
    [
      '逾期 is recorded at the deadline itself',
      { dueStep: 'deadline' },
      '2026-12-07 07:00:00',
      '2026-12-06 23:59:59',
    ],
    [
      'or at the ticket’s last change, when that came after it',
      { dueStep: 'deadline', updatedAt: local('2026-12-07 00:00:30') },
      '2026-12-07 07:00:00',
      '2026-12-07 00:00:30',
    ],
    [
      'other steps when they are taken',
      { dueStep: 'accept' },
      '2026-11-25 07:31:00',
      '2026-11-25 07:31:00',
    ],
  ])('%s', (_name, over, now, at) => {
    expect(actedAt(ticket(over), local(now))).toEqual(local(at))
  })
})
