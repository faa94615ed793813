// The hospital's clock: every day, hour and deadline people see is read in Asia/Shanghai (UTC+8, no
// daylight saving). The one place that sets dayjs up for it.
import dayjs, { type ConfigType, type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The hospital's time zone. */
export const HOSPITAL_TZ = 'Asia/Shanghai'

// The hospital's wall clock, made once: dayjs's `.tz()` builds a new formatter on every call (about
// half a millisecond, paid by every report and act).
const WALL_CLOCK = new Intl.DateTimeFormat('en-US', {
  timeZone: HOSPITAL_TZ,
  hour12: false,
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
  hour: 'numeric',
  minute: 'numeric',
  second: 'numeric',
})

/** dayjs's timezone plugin marks a moment read in a zone so (its `startOf` keeps to the zone). */
type Zoned = Dayjs & { $x: { $timezone?: string } }

/** A moment as the hospital's wall clock shows it, built as dayjs-timezone's `.tz()` builds it. */
export function hospitalTime(at: ConfigType): Dayjs {
  const moment = dayjs(at)
  if (!moment.isValid()) return moment
  const f: Partial<Record<Intl.DateTimeFormatPartTypes, number>> = {}
  for (const part of WALL_CLOCK.formatToParts(moment.toDate())) f[part.type] = Number(part.value)
  const [year, month, day, hour, minute, second] = [
    f.year!,
    f.month! - 1,
    f.day!,
    f.hour! % 24,
    f.minute!,
    f.second!,
  ]
  const whole = moment.valueOf() - moment.millisecond()
  const offset = (Date.UTC(year, month, day, hour, minute, second) - whole) / 60_000
  // The wall clock read as a local time, kept at the hospital's offset.
  const wall = new Date(year, month, day, hour, minute, second, moment.millisecond())
  const zoned = dayjs(wall).utcOffset(offset, true) as Zoned
  zoned.$x.$timezone = HOSPITAL_TZ
  return zoned
}

/** A wall-clock time in the hospital (`YYYY-MM-DD HH:mm:ss`) as a moment. */
export function fromHospitalTime(wallClock: string): Dayjs {
  return dayjs.tz(wallClock, HOSPITAL_TZ)
}
