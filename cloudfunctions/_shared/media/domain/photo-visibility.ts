// Who sees which rendition of a photo, from its content check and the viewer's relation to the ticket.
// Pure: the media check record and the relations in, a decision out.
import { HANDLERS as TICKET_HANDLERS, type Relation } from '../../ticket/domain/machine'

/** Where a photo stands: not yet judged, passed, flagged by the platform (risky/review), or redacted. */
export type PhotoState = 'pending' | 'pass' | 'flagged' | 'redacted'

/** What to show: the photo itself, its redacted or blurred rendition, or nothing (a placeholder). */
export type PhotoRendition = 'original' | 'redacted' | 'blurred' | 'hidden'

/** The facts about one photo's check that matter for display. */
export interface PhotoCheckFacts {
  status: 'pending' | 'pass' | 'risky' | 'review'
  redacted: boolean
}

const HANDLERS: readonly Relation[] = ['reporter', ...TICKET_HANDLERS]

/** The state of a photo; a photo never submitted for checking counts as pending. */
export function photoState(check: PhotoCheckFacts | undefined): PhotoState {
  if (!check) return 'pending'
  if (check.redacted) return 'redacted'
  if (check.status === 'risky' || check.status === 'review') return 'flagged'
  return check.status === 'pass' ? 'pass' : 'pending'
}

/**
 * The rendition a viewer gets. Redacted: the redacted copy for everyone (the original is kept for
 * audit only). Flagged: blurred for everyone, the safety office included (it reviews in its queue).
 * Pending: only the reporter and the ticket's handlers see it. Passed: whoever may read the ticket.
 */
export function photoRendition(
  state: PhotoState,
  relations: ReadonlySet<Relation>,
): PhotoRendition {
  switch (state) {
    case 'redacted':
      return 'redacted'
    case 'flagged':
      return 'blurred'
    case 'pass':
      return 'original'
    case 'pending':
      return HANDLERS.some((r) => relations.has(r)) ? 'original' : 'hidden'
  }
}
