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

/**
 * How many codes may be asked for in a window: one PC renews its code every two minutes, so ten in
 * ten minutes leaves room for reloads; the whole hospital's PCs together stay far below the cap.
 */
export const START_LIMITS = { windowMs: 10 * 60_000, perVisitor: 10, everyone: 300 } as const

/** The Chinese refusal when one more code would pass a limit, or null when it may be made. */
export function startRefusal(
  started: { byVisitor: number; byEveryone: number },
  limits: { perVisitor: number; everyone: number } = START_LIMITS,
): string | null {
  if (started.byVisitor >= limits.perVisitor) return '刷新登录码太频繁，请 10 分钟后再试'
  if (started.byEveryone >= limits.everyone) return '当前登录的电脑太多，请稍后再试'
  return null
}
