// Which counters a ticket transition bumps. Pure: the same (before, after, event) always yields the
// same deltas, so the live write path and `stats:rebuild` count with one rule.
//
// Counting choices:
// - Every delta is dated by the transition's moment in Asia/Shanghai (a rating counts on the day it
//   is given, a fix on the day it is done), and attributed to the ticket's building/floor/category
//   after the transition (a transfer moves what follows it, never what came before).
// - `overdue` counts a ticket once, when it first becomes overdue: either the SLA sweep flags
//   it (`overdue` turns true) or its deferred work is completed after the deadline without a flag.
// - Response (to accept) and resolution minutes are measured from the report, for the first cycle
//   only: a reopened cycle has no report time of its own.
// - A reporter's useful reports are first-cycle resolutions (fixed on the spot or closed) of
//   tickets they did not file anonymously; rejected and duplicate reports never count.
import { OPEN_STATES, type TicketState } from '../../../../types/ticket'

/** The ticket fields counting needs; TicketDoc satisfies it structurally. */
export interface StatsTicket {
  buildingId: string
  floorId: string
  categoryId: string
  status: TicketState
  cycle: number
  reporterId: string
  anonymous: boolean
  rating: number | null
  deadline: Date | string | null
  createdAt: Date | string
  /** Set when the SLA sweep marks deferred work overdue (its `overdue` transition). */
  overdue?: boolean
}

/** What happened: the action and its moment, and who did it (a user id, or `system`). */
export interface StatsEvent {
  action: string
  at: Date
  actorId?: string
}

/** Headline counters kept per day and scope (hospital, building). */
export const METRICS = [
  'reported',
  'fixedOnSpot',
  'deferred',
  'completed',
  'completedOnTime',
  'closed',
  'resolved',
  'overdue',
  'reopened',
  'rejected',
  'duplicate',
  'escalated',
  'ratingSum',
  'ratingCount',
  'ratingGood',
  'acceptMinutes',
  'acceptCount',
  'resolveMinutes',
  'resolveCount',
] as const
export type Metric = (typeof METRICS)[number]

/**
 * A day document holds named sections of counters: `m` the metrics, `cat`/`floor` reports by
 * category/floor, `rep` useful reports by reporter, `capN`/`capMin`/`capRes` a captain's
 * responses, response minutes and resolutions.
 */
export type DaySection = 'm' | 'cat' | 'floor' | 'rep' | 'capN' | 'capMin' | 'capRes'

export type CounterDelta =
  | { kind: 'day'; day: string; buildingId: string; section: DaySection; key: string; by: number }
  | { kind: 'open'; buildingId: string; floorId: string; by: number }

const RESPONSES = new Set(['accept', 'fix', 'defer', 'reject', 'duplicate'])
const SHANGHAI_OFFSET_MS = 8 * 3600_000

/** The calendar day (YYYY-MM-DD) of a moment in Asia/Shanghai (no daylight saving there). */
export function shanghaiDay(at: Date | string): string {
  return new Date(new Date(at).getTime() + SHANGHAI_OFFSET_MS).toISOString().slice(0, 10)
}

/** The Monday (YYYY-MM-DD) of the Asia/Shanghai week a day belongs to. */
export function weekStart(day: string): string {
  const d = new Date(`${day}T00:00:00Z`)
  const back = (d.getUTCDay() + 6) % 7
  return new Date(d.getTime() - back * 86400_000).toISOString().slice(0, 10)
}

/** The instant a Shanghai calendar day starts. */
export function dayStartUtc(day: string): Date {
  return new Date(new Date(`${day}T00:00:00Z`).getTime() - SHANGHAI_OFFSET_MS)
}

/** Days between two YYYY-MM-DD dates, `to` included. */
export function daysBetween(from: string, to: string): string[] {
  const out: string[] = []
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86400_000)
    out.push(new Date(t).toISOString().slice(0, 10))
  return out
}

function minutes(from: Date | string, to: Date): number {
  return Math.max(0, Math.round((to.getTime() - new Date(from).getTime()) / 60_000))
}

function isOpen(status: TicketState): boolean {
  return OPEN_STATES.includes(status)
}

/** The counters one transition bumps (`before` null: the ticket was just reported). */
export function counterDeltas(
  before: StatsTicket | null,
  after: StatsTicket,
  event: StatsEvent,
): CounterDelta[] {
  const day = shanghaiDay(event.at)
  const out: CounterDelta[] = []
  const bump = (section: DaySection, key: string, by = 1): void => {
    if (by !== 0) out.push({ kind: 'day', day, buildingId: after.buildingId, section, key, by })
  }
  const metric = (m: Metric, by = 1): void => bump('m', m, by)
  const firstCycle = after.cycle === 1

  if (!before) {
    metric('reported')
    bump('cat', after.categoryId)
    bump('floor', after.floorId)
  }
  switch (event.action) {
    case 'fix':
      metric('fixedOnSpot')
      break
    case 'defer':
      metric('deferred')
      break
    case 'complete': {
      metric('completed')
      const late =
        after.deadline !== null && event.at.getTime() > new Date(after.deadline).getTime()
      if (!late) metric('completedOnTime')
      else if (!before?.overdue) metric('overdue')
      break
    }
    case 'reopen':
      metric('reopened')
      break
    case 'reject':
      metric('rejected')
      break
    case 'duplicate':
      metric('duplicate')
      break
    case 'escalate':
      metric('escalated')
      break
    case 'confirm':
      if (after.rating !== null && before && before.rating === null) {
        metric('ratingSum', after.rating)
        metric('ratingCount')
        if (after.rating >= 4) metric('ratingGood')
      }
      break
  }
  if (before && !before.overdue && after.overdue && event.action !== 'complete') metric('overdue')
  // 已销号: verified, or a 重大 hazard's second sign-off.
  const closes = before !== null && before.status !== 'closed' && after.status === 'closed'
  if (closes) metric('closed')
  if (event.action === 'fix' || closes) {
    metric('resolved')
    if (firstCycle) {
      metric('resolveMinutes', minutes(after.createdAt, event.at))
      metric('resolveCount')
      if (!after.anonymous) bump('rep', after.reporterId)
      if (event.actorId && event.actorId !== 'system') bump('capRes', event.actorId)
    }
  }
  if (before?.status === 'pending' && RESPONSES.has(event.action) && firstCycle) {
    const m = minutes(after.createdAt, event.at)
    metric('acceptMinutes', m)
    metric('acceptCount')
    if (event.actorId && event.actorId !== 'system') {
      bump('capN', event.actorId)
      bump('capMin', event.actorId, m)
    }
  }

  const wasOpen = before !== null && isOpen(before.status)
  const nowOpen = isOpen(after.status)
  if (wasOpen && (!nowOpen || before.floorId !== after.floorId))
    out.push({ kind: 'open', buildingId: before.buildingId, floorId: before.floorId, by: -1 })
  if (nowOpen && (!wasOpen || before.floorId !== after.floorId))
    out.push({ kind: 'open', buildingId: after.buildingId, floorId: after.floorId, by: 1 })
  return out
}

/** The periods whose bulletins are due on `today`: the last complete week and calendar month. */
export function duePeriods(
  today: string,
): Array<{ kind: 'weekly' | 'monthly'; from: string; to: string }> {
  const monday = weekStart(today)
  const prevMonday = new Date(Date.parse(`${monday}T00:00:00Z`) - 7 * 86400_000)
  const prevSunday = new Date(Date.parse(`${monday}T00:00:00Z`) - 86400_000)
  const firstOfMonth = `${today.slice(0, 7)}-01`
  const lastOfPrev = new Date(Date.parse(`${firstOfMonth}T00:00:00Z`) - 86400_000)
  const iso = (d: Date): string => d.toISOString().slice(0, 10)
  return [
    { kind: 'weekly', from: iso(prevMonday), to: iso(prevSunday) },
    { kind: 'monthly', from: `${iso(lastOfPrev).slice(0, 7)}-01`, to: iso(lastOfPrev) },
  ]
}
