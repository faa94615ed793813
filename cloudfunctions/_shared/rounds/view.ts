// A round as the contract shows it to one viewer.
import { ROUND_STATE_LABELS, type RoundView } from '../../../types/api/rounds'
import type { UserDoc } from '../runtime/users'
import { canAnswer, canFinish, canStart, roundRelations, type RoundDoc } from './domain/round'

const iso = (d: Date | null): string | null => (d ? new Date(d).toISOString() : null)

/** The round as `viewer` sees it, with what they may do now. */
export function roundView(doc: RoundDoc, viewer: UserDoc): RoundView {
  const relations = roundRelations(viewer, doc)
  return {
    id: doc._id,
    status: doc.status,
    statusLabel: ROUND_STATE_LABELS[doc.status],
    buildingId: doc.buildingId,
    buildingName: doc.buildingName,
    floors: doc.floors,
    allFloors: doc.allFloors,
    templateId: doc.templateId,
    templateName: doc.templateName,
    templateVersion: doc.templateVersion,
    leader: { id: doc.leaderId, name: doc.leaderName },
    participants: doc.participants,
    date: doc.date,
    recurrence: doc.recurrence,
    startedAt: iso(doc.startedAt),
    finishedAt: iso(doc.finishedAt),
    canStart: canStart(relations, doc.status),
    canAnswer: canAnswer(relations, doc.status),
    canFinish: canFinish(relations, doc.status),
  }
}
