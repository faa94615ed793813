// A ticket shown right after a report or an act: its answer came once the change was committed,
// with its pushes still pending. The screen asks the server to follow them (`ticket.follow` sends
// them and answers how they ended) and shows each answer — never guessing an outcome. A failed or
// still-pending follow is retried with growing pauses, a bounded number of times; past that the
// lines keep saying 正在通知 (notify's timer sends the push within two minutes).
import { useEffect } from 'react'
import { call } from '../services'
import type { TicketView } from '../../types/api/ticket'

/** Pauses before each retry of a follow that failed or left a push pending. */
const RETRY_PAUSES_MS = [500, 1000, 2000, 4000, 8000]

/** Follows `view` while one of its reach lines is pending; hands each settled answer to `onFresh`. */
export function useLiveReach(
  view: TicketView | undefined,
  onFresh: (fresh: TicketView) => void,
): void {
  const id = view?.id
  const pending = Boolean(view?.reach.some((r) => r.pending))
  useEffect(() => {
    if (!id || !pending) return
    let stopped = false
    let timer: ReturnType<typeof setTimeout> | undefined
    const follow = (attempt: number): void => {
      call('ticket', 'follow', { id })
        .then((fresh) => {
          if (stopped) return
          onFresh(fresh)
          if (fresh.reach.some((r) => r.pending)) retry(attempt)
        })
        .catch(() => {
          if (!stopped) retry(attempt)
        })
    }
    const retry = (attempt: number): void => {
      const pause = RETRY_PAUSES_MS[attempt]
      if (pause !== undefined) timer = setTimeout(() => follow(attempt + 1), pause)
    }
    follow(0)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
    // Following restarts only for another ticket or a newly pending push, not for each answer.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, pending])
}
