// Who cannot be reached: captains with no reminders left, who never subscribed, or without a phone
// for the SMS fallback — since when, and how many hazards they own or were copied on.
import { LEVEL_LABELS } from '../../../types/ticket'
import { LEVEL_OF } from '../org/domain/owner-chain'
import { consentsOfUsers } from './store/consents'
import { copiedCounts } from './store/outbox'
import { captainsWithDuties } from '../org/store/org'
import { openOwnedCounts } from '../ticket/store/tickets'
import type { ActionContext } from '../runtime/context'
import { TEMPLATE_IDS } from '../../../types/api/notify'
import { LONG_TERM_TEMPLATE } from './templates'

type Reason = 'none_left' | 'never_asked' | 'no_phone'

/** The safety office's list of unreachable captains, most burdened first. */
export async function unreachableCaptains(ctx: ActionContext) {
  const captains = await captainsWithDuties(ctx.db, ctx.now())
  const ids = captains.map((c) => c.user._id)
  const [consents, owned, copied] = await Promise.all([
    consentsOfUsers(ctx.db, ids),
    openOwnedCounts(ctx.db),
    copiedCounts(ctx.db),
  ])
  return captains
    .map(({ user, duty }) => {
      const mine = consents.filter((c) => c.userId === user._id)
      const longTerm = mine.some((c) => c.templateId === LONG_TERM_TEMPLATE && c.longTerm)
      const credits = mine.find((c) => c.templateId === TEMPLATE_IDS.assigned)?.credits ?? 0
      const reasons: Reason[] = []
      if (!longTerm && credits === 0)
        reasons.push(mine.length || user.consentAnsweredAt ? 'none_left' : 'never_asked')
      if (!/^1\d{10}$/.test(user.phone ?? '')) reasons.push('no_phone')
      return {
        userId: user._id,
        name: user.name,
        role: LEVEL_LABELS[LEVEL_OF[duty]] ?? '',
        phone: user.phone ?? '',
        reasons,
        since: user.unreachableSince ? new Date(user.unreachableSince).toISOString() : null,
        owned: owned[user._id] ?? 0,
        copied: copied[user._id] ?? 0,
        nudgedAt: user.nudgedAt ? new Date(user.nudgedAt).toISOString() : null,
      }
    })
    .filter((x) => x.reasons.length > 0)
    .sort((a, b) => b.owned + b.copied - (a.owned + a.copied) || a.name.localeCompare(b.name, 'zh'))
}
