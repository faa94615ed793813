// The SLA ladder, quiet hours and business time as pure functions over a passed clock, table-driven.
import {
  addBusinessMinutes,
  allHours,
  businessMinutesBetween,
  isQuiet,
  lastWakingAtOrBefore,
  NO_QUIET,
  nextDue,
  notBefore,
  parseQuietHours,
  reminderMarks,
  responseMinutesOf,
  type SlaFacts,
} from '../../../cloudfunctions/_shared/ladder/domain/sla'
import { hospitalTime } from '../../../types/time'

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

describe('who runs around the clock: the one rule', () => {
  it.each<[string, Parameters<typeof allHours>[0], boolean]>([
    ['an ordinary hazard', {}, false],
    ['a general one', { grade: 'general' }, false],
    ['an urgent category', { urgent: true }, true],
    ['a 重大 hazard', { grade: 'major' }, true],
    ['both', { urgent: true, grade: 'major' }, true],
    ['urgent false, general', { urgent: false, grade: 'general' }, false],
  ])('%s: %s', (_name, t, expected) => expect(allHours(t)).toBe(expected))
})

describe('response minutes come from the category', () => {
  it.each<[string, Parameters<typeof responseMinutesOf>[0], number]>([
    ['per severity', { severity: 'high', responseMinutes: { high: 15, medium: 120 } }, 15],
    ['urgent without data', { severity: 'high', urgent: true }, 15],
    ['ordinary without data', { severity: 'medium' }, 120],
  ])('%s', (_name, category, minutes) => expect(responseMinutesOf(category)).toBe(minutes))
})

describe('business time: non-urgent windows pause through the quiet hours (22:00-07:00)', () => {
  const quiet = parseQuietHours('22:00-07:00')
  const local = (text: string) => new Date(`${text.replace(' ', 'T')}:00+08:00`)
  it.each<[string, string, number, boolean, string]>([
    ['daytime: wall time', '2026-11-24 10:00', 30, false, '2026-11-24 10:30'],
    ['reported 23:00: due 07:00 + window', '2026-11-24 23:00', 30, false, '2026-11-25 07:30'],
    ['reported 03:00: due 07:00 + window', '2026-11-25 03:00', 120, false, '2026-11-25 09:00'],
    ['runs into the night: pauses, 10 min left', '2026-11-24 21:40', 30, false, '2026-11-25 07:10'],
    [
      'ends as the night begins: acted on at 07:00',
      '2026-11-24 21:30',
      30,
      false,
      '2026-11-25 07:00',
    ],
    [
      'a day of business time spans two nights',
      '2026-11-24 10:00',
      1440,
      false,
      '2026-11-25 19:00',
    ],
    ['urgent at 23:00: around the clock', '2026-11-24 23:00', 15, true, '2026-11-24 23:15'],
    ['urgent into the night: no pause', '2026-11-24 21:50', 15, true, '2026-11-24 22:05'],
  ])('%s', (_name, start, minutes, urgent, due) => {
    expect(addBusinessMinutes(local(start), minutes, quiet, urgent)).toEqual(local(due))
  })
  it('is wall time when the quiet hours are off', () =>
    expect(addBusinessMinutes(local('2026-11-24 23:00'), 30, NO_QUIET, false)).toEqual(
      local('2026-11-24 23:30'),
    ))

  it.each<[string, string, string, boolean, number]>([
    ['a night counts nothing', '2026-11-24 23:00', '2026-11-25 07:30', false, 30],
    ['before and after the night', '2026-11-24 21:40', '2026-11-25 07:10', false, 30],
    ['daytime', '2026-11-24 10:00', '2026-11-24 10:32', false, 32],
    ['urgent: every minute counts', '2026-11-24 23:00', '2026-11-25 07:00', true, 480],
  ])('%s: business minutes', (_name, a, b, urgent, minutes) => {
    expect(businessMinutesBetween(local(a), local(b), quiet, urgent)).toBe(minutes)
  })

  describe('the ladder in business time', () => {
    const base: SlaFacts = {
      status: 'pending',
      level: 0,
      responseMinutes: 30,
      stepStartedAt: local('2026-11-24 23:00'),
      quiet,
    }
    // A date-only deadline: the end of 2026-12-06 in Shanghai.
    const DAY_END = new Date('2026-12-06T23:59:59+08:00')
    it.each<[string, Partial<SlaFacts>, Date | null, string | null]>([
      ['reported 23:00: accept by 07:30', {}, local('2026-11-25 07:30'), 'accept'],
      ['urgent at 23:00: accept by 23:30', { urgent: true }, local('2026-11-24 23:30'), 'accept'],
      ['重大 at 23:00: accept by 23:30', { grade: 'major' }, local('2026-11-24 23:30'), 'accept'],
      ['一般 at 23:00: accept by 07:30', { grade: 'general' }, local('2026-11-25 07:30'), 'accept'],
      [
        'a day deadline: the 24 h mark is 23:59, so the reminder goes the evening before at 21:59',
        { status: 'rectifying', deadline: DAY_END, stepStartedAt: local('2026-12-01 10:00') },
        local('2026-12-05 21:59'),
        'deadline-remind',
      ],
      [
        'a day deadline, reminded: due at 23:59:59 of that day, not at 07:00',
        {
          status: 'rectifying',
          deadline: DAY_END,
          stepStartedAt: local('2026-12-01 10:00'),
          reminders: 1,
        },
        DAY_END,
        'deadline',
      ],
      [
        'urgent work with a day deadline is reminded 24 h before, on the minute',
        {
          status: 'rectifying',
          urgent: true,
          deadline: DAY_END,
          stepStartedAt: local('2026-12-01 10:00'),
        },
        local('2026-12-05 23:59'),
        'deadline-remind',
      ],
      [
        'completed at 23:00: the verifier is reminded at 07:00, not in the night',
        { status: 'reviewing', stepStartedAt: local('2026-11-24 23:00') },
        local('2026-11-26 07:00'),
        'verify-remind',
      ],
    ])('%s', (_name, over, dueAt, dueStep) => {
      expect(nextDue({ ...base, ...over })).toEqual({ dueAt, dueStep })
    })
  })

  it.each<[string, string, string, boolean, string[]]>([
    [
      'a day deadline a week out',
      '2026-12-01 10:00',
      '2026-12-06 23:59:59',
      false,
      ['12-05 21:59'],
    ],
    [
      'a short day deadline: the evening before and 2 h before',
      '2026-12-05 10:00',
      '2026-12-06 23:59:59',
      false,
      ['12-05 21:59', '12-06 21:59'],
    ],
    [
      'deferred after the evening mark: only the 2 h one',
      '2026-12-05 21:59:30',
      '2026-12-06 23:59:59',
      false,
      ['12-06 21:59'],
    ],
    [
      'a 03:00 deadline: the evening before its 24 h mark',
      '2026-12-01 10:00',
      '2026-12-06 03:00:00',
      false,
      ['12-04 21:59'],
    ],
    [
      'a 15:00 deadline: 24 h before as it is',
      '2026-12-01 10:00',
      '2026-12-06 15:00:00',
      false,
      ['12-05 15:00'],
    ],
    [
      'urgent: 24 h before, night or not',
      '2026-12-01 10:00',
      '2026-12-06 03:00:00',
      true,
      ['12-05 03:00'],
    ],
  ])('reminders: %s', (_name, deferred, deadline, urgent, marks) => {
    const at = (text: string) => new Date(`${text.replace(' ', 'T')}+08:00`).getTime()
    const shown = reminderMarks(at(deferred), at(deadline), quiet, urgent).map((m) =>
      hospitalTime(m).format('MM-DD HH:mm:ss'),
    )
    expect(shown).toEqual(marks.map((m) => `${m}:00`))
    // Never later than promised: every mark is at least 24 h (or 2 h) before, and in waking hours.
    for (const m of reminderMarks(at(deferred), at(deadline), quiet, urgent)) {
      if (!urgent) expect(isQuiet(new Date(m), quiet)).toBe(false)
      expect(m).toBeLessThanOrEqual(at(deadline) - 2 * 3600_000)
    }
  })

  it.each<[string, string, string]>([
    ['23:59', '2026-11-24 23:59', '2026-11-24 21:59'],
    ['03:00', '2026-11-25 03:00', '2026-11-24 21:59'],
    ['21:00 is waking time', '2026-11-24 21:00', '2026-11-24 21:00'],
  ])('the last waking minute at or before %s', (_name, at, expected) =>
    expect(lastWakingAtOrBefore(local(at), quiet)).toEqual(local(expected)),
  )
})
