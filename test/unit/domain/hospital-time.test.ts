import dayjs from 'dayjs'
import { HOSPITAL_TZ, hospitalTime } from '../../../types/time'

// Moments around the hospital's day, week, month and year boundaries, and at odd milliseconds.
const MOMENTS = [
  '2026-12-03T15:59:59.999Z', // 23:59:59.999 in the hospital
  '2026-12-03T16:00:00.000Z', // midnight
  '2026-12-03T12:00:00.000Z', // 20:00, the evening list
  '2026-12-06T16:00:00.000Z', // Monday 00:00
  '2026-12-31T16:30:00.500Z', // New Year's Day 00:30
  '2027-02-28T16:00:00.001Z', // 1 March
  '2028-02-28T23:59:00.000Z', // a leap year's 29 February
  '2026-03-08T07:30:00.000Z', // the day clocks move in the US
  '2026-10-25T01:30:00.000Z', // and in Europe
  '1970-01-01T00:00:00.000Z',
]

describe('hospitalTime reads a moment as dayjs-timezone does for Asia/Shanghai', () => {
  test.each(MOMENTS)('%s', (iso) => {
    const fast = hospitalTime(iso)
    const plugin = dayjs(iso).tz(HOSPITAL_TZ)
    expect(fast.valueOf()).toBe(plugin.valueOf())
    expect(fast.utcOffset()).toBe(480)
    expect(fast.format('YYYY-MM-DD HH:mm:ss.SSS d Z')).toBe(
      plugin.format('YYYY-MM-DD HH:mm:ss.SSS d Z'),
    )
    for (const unit of ['day', 'week', 'month', 'year'] as const) {
      expect(fast.startOf(unit).valueOf()).toBe(plugin.startOf(unit).valueOf())
      expect(fast.endOf(unit).valueOf()).toBe(plugin.endOf(unit).valueOf())
    }
    expect(fast.add(1, 'day').startOf('day').valueOf()).toBe(
      plugin.add(1, 'day').startOf('day').valueOf(),
    )
    expect(fast.hour() * 60 + fast.minute()).toBe(plugin.hour() * 60 + plugin.minute())
  })

  test('an invalid moment stays invalid', () => {
    expect(hospitalTime('not a date').isValid()).toBe(false)
  })
})
