// The hospital's clock: every day, hour and deadline people see is read in Asia/Shanghai (UTC+8, no
// daylight saving). The one place that sets dayjs up for it.
import dayjs, { type ConfigType, type Dayjs } from 'dayjs'
import utc from 'dayjs/plugin/utc'
import timezone from 'dayjs/plugin/timezone'

dayjs.extend(utc)
dayjs.extend(timezone)

/** The hospital's time zone. */
export const HOSPITAL_TZ = 'Asia/Shanghai'

/** A moment as the hospital's wall clock shows it. */
export function hospitalTime(at: ConfigType): Dayjs {
  return dayjs(at).tz(HOSPITAL_TZ)
}

/** A wall-clock time in the hospital (`YYYY-MM-DD HH:mm:ss`) as a moment. */
export function fromHospitalTime(wallClock: string): Dayjs {
  return dayjs.tz(wallClock, HOSPITAL_TZ)
}
