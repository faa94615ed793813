// What a round shows on the device: the server's answers and the device's own, the device's newer.
import type { AnswerValue, AnswerView } from '../../../types/api/rounds'
import type { KeptAnswer } from '../../services/round-queue'

/** One item's answer as shown. */
export interface ShownAnswer {
  value: AnswerValue
  /** waiting: on the device only; kept: the server has it; refused: the server said no. */
  state: 'waiting' | 'kept' | 'refused'
  ticketId: string | null
  fixedOnSpot: boolean
  message?: string
}

/** Every answered item of a round, keyed `floorId:itemId`. */
export function shownAnswers(
  server: readonly AnswerView[],
  device: readonly KeptAnswer[],
): Map<string, ShownAnswer> {
  const out = new Map<string, ShownAnswer>()
  for (const a of server)
    out.set(`${a.floorId}:${a.itemId}`, {
      value: a.value,
      state: 'kept',
      ticketId: a.ticketId,
      fixedOnSpot: a.fixedOnSpot,
    })
  for (const a of device) {
    const key = `${a.floorId}:${a.itemId}`
    const known = out.get(key)
    // The server's copy of an answer the device already saw kept is the same answer.
    if (a.kept && known) continue
    out.set(key, {
      value: a.value,
      state: a.refused ? 'refused' : a.kept ? 'kept' : 'waiting',
      ticketId: a.kept?.ticketId ?? null,
      fixedOnSpot: a.kept?.fixedOnSpot ?? false,
      message: a.refused ?? a.kept?.fixRefused,
    })
  }
  return out
}
