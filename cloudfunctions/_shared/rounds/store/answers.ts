// Answers per round, floor and item: the only code that names `round_answers`. They are the rounds'
// record: the report and the figures are read from them.
import type { Database } from '../../runtime/context'
import { readAll, rowsOf } from '../../runtime/rows'
import type { AnswerDoc } from '../domain/answers'

const ANSWERS = 'round_answers'

/** Every answer of a round. */
export async function listAnswers(db: Database, roundId: string): Promise<AnswerDoc[]> {
  return readAll<AnswerDoc>(db, ANSWERS, { roundId })
}

/** One answer, or null. */
export async function getAnswer(db: Database, id: string): Promise<AnswerDoc | null> {
  return (
    rowsOf<AnswerDoc>(await db.collection(ANSWERS).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/** Keeps an answer (replacing the one to the same item). */
export async function saveAnswer(db: Database, doc: AnswerDoc): Promise<void> {
  const { _id, ...data } = doc
  await db.collection(ANSWERS).doc(_id).set({ data })
}

/** Findings (不合格 answers that became hazards) recorded within [from, to). */
export async function listFindingsBetween(
  db: Database,
  from: Date,
  to: Date,
): Promise<AnswerDoc[]> {
  const _ = db.command
  return readAll<AnswerDoc>(db, ANSWERS, {
    value: 'fail',
    ticketId: _.neq(null),
    at: _.and([_.gte(from), _.lt(to)]),
  })
}
