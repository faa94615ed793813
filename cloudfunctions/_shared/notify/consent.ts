// The credit bank: each accepted one-time consent adds one send; a long-term consent is kept, not
// spent. A retried report of the same consent request is counted once.
import { TEMPLATE_IDS, type Reachability } from '../../../types/api/notify'
import { claimConsentRequest, consentsOf, grantConsent } from './store/consents'
import { findUserById, markConsentAnswered } from '../runtime/users'
import type { ActionContext } from '../runtime/context'
import { isKnownTemplate, LONG_TERM_TEMPLATE, templateKind } from './templates'

type Answer = 'accept' | 'reject' | 'ban' | 'filter'

/** How far a user can be reached, from the consents they hold and their user record. */
function reachFrom(
  held: Awaited<ReturnType<typeof consentsOf>>,
  user: Awaited<ReturnType<typeof findUserById>>,
): Reachability {
  return {
    remaining: held.find((c) => c.templateId === TEMPLATE_IDS.assigned)?.credits ?? 0,
    longTerm: held.some((c) => c.templateId === LONG_TERM_TEMPLATE && c.longTerm),
    asked: held.length > 0 || Boolean(user?.consentAnsweredAt),
  }
}

/** The consents a user holds and how far that reaches them, read side by side. */
async function heldAndReach(ctx: ActionContext, userId: string) {
  const [held, user] = await Promise.all([consentsOf(ctx.db, userId), findUserById(ctx.db, userId)])
  return { held, reach: reachFrom(held, user) }
}

/** How far a user can be reached now. */
export async function reachabilityOf(ctx: ActionContext, userId: string): Promise<Reachability> {
  return (await heldAndReach(ctx, userId)).reach
}

/** Records one consent request's answers; returns the user's credits and reachability. */
export async function recordConsent(
  ctx: ActionContext,
  userId: string,
  results: Record<string, Answer>,
  requestKey: string,
): Promise<{ credits: Record<string, number>; reach: Reachability }> {
  const now = ctx.now()
  const answered = Object.keys(results).filter(isKnownTemplate)
  if (answered.length && (await claimConsentRequest(ctx.db, userId, requestKey, now))) {
    // Each template is its own document: the grants go side by side. Even a refusal marks the
    // user as asked, so their banner can say the truth.
    await Promise.all([
      ...answered
        .filter((a) => results[a] === 'accept')
        .map((id) => grantConsent(ctx.db, userId, id, templateKind(id) === 'long-term', now)),
      markConsentAnswered(
        ctx.db,
        userId,
        answered.some((id) => results[id] === 'accept'),
        now,
      ),
    ])
  }
  const { held, reach } = await heldAndReach(ctx, userId)
  return { credits: Object.fromEntries(held.map((c) => [c.templateId, c.credits])), reach }
}
