// The rules of a PC's sign-in code, row by row: what its poller sees and whether a phone may confirm it.
import {
  codeStatus,
  confirmRefusal,
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
