// The rules of a PC sign-in: how long a code and a session last, and what a code's state means to
// the PC polling it and to the phone confirming it.
import type { SigninStatus } from '../../../../types/api/signin'

/** How long a sign-in code (and an approval the PC has not picked up) works. */
export const CODE_LIFETIME_MS = 2 * 60_000

/** How long a signed-in PC stays signed in, unless someone ends it sooner. */
export const SESSION_LIFETIME_MS = 12 * 3600_000

/** What a stored code carries that its state depends on. */
export interface CodeFacts {
  status: 'pending' | 'approved' | 'active' | 'ended'
  expiresAt: Date
}

/** Where a code stands at `now`, as the PC polling it sees it. */
export function codeStatus(code: CodeFacts, now: Date): SigninStatus {
  if (code.status === 'active' || code.status === 'ended') return 'used'
  if (new Date(code.expiresAt).getTime() <= now.getTime()) return 'expired'
  return code.status
}

/** Why a phone may not confirm a code, or null when it may (pending and unexpired). */
export function confirmRefusal(
  code: CodeFacts | null,
  now: Date,
): 'signin.expired' | 'signin.used' | null {
  if (!code) return 'signin.expired'
  const status = codeStatus(code, now)
  if (status === 'used' || status === 'approved') return 'signin.used'
  if (status === 'expired') return 'signin.expired'
  return null
}
