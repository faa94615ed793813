// What an answer may say and what a second answer to the same item does. Pure.
import type { AnswerValue } from '../../../../types/api/rounds'
import type { StoredItem } from './templates'

/** An answer as stored: one per round, floor and item. */
export interface AnswerDoc {
  _id: string
  roundId: string
  floorId: string
  buildingId: string
  itemId: string
  itemText: string
  categoryId: string
  grade: StoredItem['grade']
  value: AnswerValue
  note: string
  photos: string[]
  clientKey: string
  byId: string
  byName: string
  at: Date
  /** The hazard a 不合格 became (set once the ticket door has it). */
  ticketId: string | null
  fixedOnSpot: boolean
}

/** The stored id of the answer to one item on one floor of a round. */
export const answerId = (roundId: string, floorId: string, itemId: string): string =>
  `${roundId}:${floorId}:${itemId}`

/** What to do with an incoming answer given the one already kept (if any). */
export type AnswerPlan =
  | { kind: 'replay'; existing: AnswerDoc }
  | { kind: 'write' }
  | { kind: 'refused'; path: string; message: string }

/** Decides an incoming answer: the evidence it needs, and whether it replays, replaces or is refused. */
export function planAnswer(
  item: StoredItem,
  input: { clientKey: string; value: AnswerValue; photos?: string[]; fixedPhotos?: string[] },
  existing: AnswerDoc | null,
): AnswerPlan {
  // The same key is the same answer sent again: it gets what it got the first time.
  if (existing && existing.clientKey === input.clientKey) return { kind: 'replay', existing }
  const photos = input.photos ?? []
  if (input.value === 'fail' && photos.length === 0)
    return { kind: 'refused', path: 'photos', message: '不合格项请拍照，照片将随隐患上报' }
  if (item.photoRequired && input.value !== 'na' && photos.length === 0)
    return { kind: 'refused', path: 'photos', message: '该检查项要求拍照' }
  if (input.fixedPhotos && input.value !== 'fail')
    return { kind: 'refused', path: 'fixedPhotos', message: '只有不合格项才有立行立改' }
  // A finding is a hazard now: it is worked in its ticket, never answered away.
  if (existing?.ticketId)
    return { kind: 'refused', path: 'value', message: '该项已记为隐患，请在隐患单中继续处理' }
  return { kind: 'write' }
}
