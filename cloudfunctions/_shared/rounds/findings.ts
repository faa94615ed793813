// A 不合格 becomes a hazard through the ticket door, like any report: reported by whoever found it,
// its source the round; fixed there and then (立行立改) by the same door's `fix`.
import type { z } from 'zod'
import type { CreateTicketInput, TicketView } from '../../../types/api/ticket'
import type { Photos } from '../../../types/ticket'
import { createTicket } from '../ticket/create'
import { actOnTicket } from '../ticket/door'
import { followTicket } from '../ticket/follow'
import { AppError } from '../runtime/app-error'
import type { ActionContext } from '../runtime/context'
import type { StoredItem } from './domain/templates'
import type { RoundDoc } from './domain/round'

/** What the ticket door is asked to create for a finding. */
export type FindingTicketInput = z.output<typeof CreateTicketInput>

/**
 * The report a finding makes: its key derives from the answer's, so a re-sync meets the same
 * ticket; the item's category and grade (the door raises the category's, never lowers it); the item
 * and the note as its description.
 */
export function findingTicketInput(
  round: Pick<RoundDoc, 'templateName'>,
  item: StoredItem,
  answer: { clientKey: string; floorId: string; note?: string; photos: string[] },
): FindingTicketInput {
  const description = `【巡查·${round.templateName}】${item.text}${answer.note ? `：${answer.note}` : ''}`
  return {
    clientKey: `rnd-${answer.clientKey}`.slice(0, 64),
    floorId: answer.floorId,
    categoryId: item.categoryId,
    grade: item.grade,
    photos: answer.photos,
    description: description.slice(0, 200),
    anonymous: false,
  }
}

/** What became of a finding at the door. */
export interface FindingOutcome {
  ticket: TicketView
  fixedOnSpot: boolean
  /** Why 立行立改 was refused (the hazard stands, open). */
  fixRefused?: string
}

/** Reports the finding and, when fixed there, records the fix; a retry meets what is already there. */
export async function recordFinding(
  ctx: ActionContext,
  round: RoundDoc,
  item: StoredItem,
  answer: {
    clientKey: string
    floorId: string
    note?: string
    photos: string[]
    fixedPhotos?: z.output<typeof Photos>
  },
): Promise<FindingOutcome> {
  // The leader's screen shows the finding settled: its push sent, counted, its photos screened.
  const reported = await createTicket(ctx, findingTicketInput(round, item, answer), {
    kind: 'round',
    roundId: round._id,
  })
  const ticket = await followTicket(ctx, reported.id)
  if (!answer.fixedPhotos) return { ticket, fixedOnSpot: false }
  if (ticket.status === 'fixed') return { ticket, fixedOnSpot: true }
  try {
    await actOnTicket(ctx, {
      id: ticket.id,
      action: 'fix',
      afterPhotos: answer.fixedPhotos,
      note: '巡查时立行立改',
    })
    const fixed = await followTicket(ctx, ticket.id)
    return { ticket: fixed, fixedOnSpot: fixed.status === 'fixed' }
  } catch (error) {
    if (error instanceof AppError) return { ticket, fixedOnSpot: false, fixRefused: error.message }
    throw error
  }
}
