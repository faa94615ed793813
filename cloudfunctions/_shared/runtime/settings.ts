// Deployment settings from the function's environment (CloudBase per-function variables).
import { parseQuietHours, type QuietHours } from '../ladder/domain/sla'

/** Quiet hours, `QUIET_HOURS=22:00-07:00` by default: non-urgent pushes and escalations wait. */
export function quietHours(): QuietHours {
  return parseQuietHours(process.env.QUIET_HOURS)
}

/** The local time the evening problem list goes out, `EVENING_LIST_AT=20:00` by default. */
export function eveningListAt(): { hour: number; minute: number } {
  const m = /^(\d{1,2}):(\d{2})$/.exec((process.env.EVENING_LIST_AT ?? '').trim())
  return m && Number(m[1]) < 24 && Number(m[2]) < 60
    ? { hour: Number(m[1]), minute: Number(m[2]) }
    : { hour: 20, minute: 0 }
}
