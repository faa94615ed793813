// The rules of a PC's sign-in code, row by row: what its poller sees and whether a phone may confirm it.
import {
  START_LIMITS,
  codeStatus,
  confirmRefusal,
  startRefusal,
  type CodeFacts,
} from '../../../cloudfunctions/_shared/trust/domain/pc-session'

const NOW = new Date('2026-03-02T09:00:00+08:00')
const later = new Date(NOW.getTime() + 1)
const code = (status: CodeFacts['status'], expiresAt: Date): CodeFacts => ({ status, expiresAt })

describe('a sign-in code', () => {
  it.each([
    ['pending, unexpired', code('pending', later), 'pending', null],
    ['pending, at its expiry', code('pending', NOW), 'expired', 'signin.expired'],
    ['approved, unexpired', code('approved', later), 'approved', 'signin.used'],
    ['approved, not picked up in time', code('approved', NOW), 'expired', 'signin.expired'],
    ['signed in', code('active', later), 'used', 'signin.used'],
    ['signed in, code time over', code('active', NOW), 'used', 'signin.used'],
    ['ended', code('ended', later), 'used', 'signin.used'],
  ])('%s: the PC sees %s; the phone is told %s', (_name, facts, status, refusal) => {
    expect(codeStatus(facts, NOW)).toBe(status)
    expect(confirmRefusal(facts, NOW)).toBe(refusal)
  })

  it('that does not exist cannot be confirmed', () => {
    expect(confirmRefusal(null, NOW)).toBe('signin.expired')
  })
})

describe('asking for a code', () => {
  it.each([
    ['the first', 0, 0, null],
    ['the last one a browser may', START_LIMITS.perVisitor - 1, 50, null],
    [
      'one too many from one browser',
      START_LIMITS.perVisitor,
      50,
      '刷新登录码太频繁，请 10 分钟后再试',
    ],
    ['the last one the hospital may', 0, START_LIMITS.everyone - 1, null],
    ['one too many for the hospital', 0, START_LIMITS.everyone, '当前登录的电脑太多，请稍后再试'],
  ])(
    '%s (%i by this browser, %i in all) is refused with %s',
    (_n, byVisitor, byEveryone, refusal) => {
      expect(startRefusal({ byVisitor, byEveryone })).toBe(refusal)
    },
  )
})
