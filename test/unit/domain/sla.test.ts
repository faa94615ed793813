// The SLA ladder and quiet hours as pure functions over a passed clock, table-driven.
import {
  isQuiet,
  nextDue,
  notBefore,
  parseQuietHours,
  reminderMarks,
  responseMinutesOf,
  type SlaFacts,
} from '../../../cloudfunctions/_shared/ladder/domain/sla'

const T0 = new Date('2026-11-24T02:00:00Z') // 10:00 in Shanghai
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000)
const H = 60

describe('nextDue: what a ticket waits for next', () => {
  const base: SlaFacts = { status: 'pending', level: 0, responseMinutes: 30, stepStartedAt: T0 }
  it.each<[string, Partial<SlaFacts>, Date | null, string | null]>([
    ['pending at the 层长: accept within the response time', {}, at(30), 'accept'],
    [
      'pending at the 协管员: the clock restarts at the new level',
      { level: 1, stepStartedAt: at(30) },
      at(60),
      'accept',
    ],
    ['pending at the safety office: the top, nothing more', { level: 3 }, null, null],
    ['accepted: nothing is due', { status: 'processing' }, null, null],
    [
      'deferred 3 days: reminded 24 h before',
      { status: 'rectifying', deadline: at(72 * H) },
      at(48 * H),
      'deadline-remind',
    ],
    [
      'deferred 3 days, reminded once: the deadline itself',
      { status: 'rectifying', deadline: at(72 * H), reminders: 1 },
      at(72 * H),
      'deadline',
    ],
    [
      'deferred 30 hours: 24 h and 2 h before',
      { status: 'rectifying', deadline: at(30 * H), reminders: 1 },
      at(28 * H),
      'deadline-remind',
    ],
    [
      'deferred 30 hours, reminded twice: the deadline',
      { status: 'rectifying', deadline: at(30 * H), reminders: 2 },
      at(30 * H),
      'deadline',
    ],
    [
      'deferred 10 hours: only the 2 h reminder',
      { status: 'rectifying', deadline: at(10 * H) },
      at(8 * H),
      'deadline-remind',
    ],
    [
      'overdue: nothing more from the deadline',
      { status: 'rectifying', deadline: at(10 * H), overdue: true },
      null,
      null,
    ],
    [
      'waiting for review: remind the verifier after 24 h',
      { status: 'reviewing' },
      at(24 * H),
      'verify-remind',
    ],
    [
      'still waiting: the level above after 48 h',
      { status: 'reviewing', reminders: 1 },
      at(48 * H),
      'verify-escalate',
    ],
    [
      'waiting with the 楼长 as owner: nobody above to ask but the safety office',
      { status: 'reviewing', reminders: 1, level: 2 },
      null,
      null,
    ],
    ['closed: nothing', { status: 'closed' }, null, null],
  ])('%s', (_name, over, dueAt, dueStep) => {
    expect(nextDue({ ...base, ...over })).toEqual({ dueAt, dueStep })
  })
})

describe('reminder marks', () => {
  it.each<[string, number, number[]]>([
    ['a week', 7 * 24, [6 * 24]],
    ['30 hours', 30, [6, 28]],
    ['3 hours', 3, [1]],
    ['1 hour', 1, []],
  ])('%s', (_name, hours, marks) =>
    expect(reminderMarks(T0.getTime(), at(hours * H).getTime())).toEqual(
      marks.map((h) => at(h * H).getTime()),
    ),
  )
})

describe('quiet hours (Asia/Shanghai)', () => {
  const quiet = parseQuietHours(undefined)
  const local = (hhmm: string, day = '2026-11-24') => new Date(`${day}T${hhmm}:00+08:00`)
  it.each<[string, boolean, Date]>([
    ['21:59', false, local('21:59')],
    ['22:00', true, local('07:00', '2026-11-25')],
    ['03:30', true, local('07:00')],
    ['06:59', true, local('07:00')],
    ['07:00', false, local('07:00')],
    ['12:00', false, local('12:00')],
  ])('%s local: quiet %s, non-urgent waits until %s', (hhmm, quietNow, until) => {
    const when = local(hhmm)
    expect(isQuiet(when, quiet)).toBe(quietNow)
    expect(notBefore(when, quiet, false)).toEqual(quietNow ? until : when)
    expect(notBefore(when, quiet, true)).toEqual(when)
  })
  it.each([
    ['23:00-06:00', { start: 23 * 60, end: 6 * 60 }],
    ['12:30-13:30', { start: 12 * 60 + 30, end: 13 * 60 + 30 }],
    ['nonsense', { start: 22 * 60, end: 7 * 60 }],
    ['25:00-07:00', { start: 22 * 60, end: 7 * 60 }],
  ])('parses %s', (spec, expected) => expect(parseQuietHours(spec)).toEqual(expected))
})

describe('response minutes come from the category', () => {
  it.each<[string, Parameters<typeof responseMinutesOf>[0], number]>([
    ['per severity', { severity: 'high', responseMinutes: { high: 15, medium: 120 } }, 15],
    ['urgent without data', { severity: 'high', urgent: true }, 15],
    ['ordinary without data', { severity: 'medium' }, 120],
  ])('%s', (_name, category, minutes) => expect(responseMinutesOf(category)).toBe(minutes))
})
