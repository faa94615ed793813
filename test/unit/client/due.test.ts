// The ticket page's countdown runs on the server's clock: whatever the phone's clock reads, the
// words are the same.
import { clockOffset, dueText } from '../../../src/services/due'

const SERVER = Date.parse('2026-11-25T10:00:00+08:00')
const iso = (ms: number) => new Date(ms).toISOString()
const MIN = 60_000

describe('countdowns from the server’s now', () => {
  type Due = Parameters<typeof dueText>[0]
  const pending: Due = {
    status: 'pending',
    dueAt: iso(SERVER + 15 * MIN),
    dueStep: 'accept',
    deadline: null,
    overdue: false,
  }
  const deferred: Due = {
    status: 'rectifying',
    dueAt: null,
    dueStep: 'deadline-remind',
    deadline: new Date('2026-11-25T23:59:59+08:00').toISOString(),
    overdue: false,
  }
  it.each<[string, number, Due, string]>([
    ['phone right', 0, pending, '剩余 15 分钟受理'],
    ['phone 11 h behind', -11 * 60 * MIN, pending, '剩余 15 分钟受理'],
    ['phone 5 h ahead', 5 * 60 * MIN, pending, '剩余 15 分钟受理'],
    ['phone right, a day deadline', 0, deferred, '距整改期限 14 小时'],
    ['phone a day ahead, a day deadline', 24 * 60 * MIN, deferred, '距整改期限 14 小时'],
  ])('%s: %s', (_name, skew, ticket, text) => {
    const phoneNow = SERVER + skew
    // The answer arrives when the phone reads phoneNow; a minute later the page renders again.
    const offset = clockOffset(iso(SERVER), phoneNow)
    expect(dueText(ticket, phoneNow + offset)).toBe(text)
    expect(dueText(ticket, phoneNow + MIN + offset)).toBe(text.replace('15 分钟', '14 分钟'))
  })

  it('trusts the phone when the server sent no time', () => expect(clockOffset('', SERVER)).toBe(0))
})
