// Per-user abuse limits: how many reports and acts one person may make in an hour. Pure policy.

export type LimitedKind = 'report' | 'act'

/** The hourly allowance of each kind; generous for honest work, small enough to stop a script. */
/** Deployments may set them in the function's environment (browser tests lift them for a campaign). */
export const HOURLY_LIMITS: Record<LimitedKind, number> = {
  report: Number(process.env.REPORTS_PER_HOUR) || 20,
  act: Number(process.env.ACTS_PER_HOUR) || 120,
}

export const WINDOW_MS = 60 * 60 * 1000

const NOUN: Record<LimitedKind, string> = { report: '上报', act: '处理操作' }

/**
 * Undefined when one more is allowed; otherwise the Chinese message telling the user when to come
 * back. `lastAllowed` is the moment of the user's `HOURLY_LIMITS[kind]`-th most recent one within the
 * hour (undefined when they made fewer): one more is allowed once it has left the hour.
 */
export function limitRefusal(
  kind: LimitedKind,
  lastAllowed: Date | undefined,
  now: Date,
): string | undefined {
  if (!lastAllowed) return undefined
  const max = HOURLY_LIMITS[kind]
  const freeAt = lastAllowed.getTime() + WINDOW_MS
  const minutes = Math.max(1, Math.ceil((freeAt - now.getTime()) / 60_000))
  return `操作太频繁：每小时最多${NOUN[kind]} ${max} 次，请约 ${minutes} 分钟后再试`
}
