// A ticket shown right after a report or an act: its pushes are still being sent, so the screen
// reads the ticket again until every reach line has settled (it never guesses how they ended).
import { useEffect } from 'react'
import { call } from '../services'
import type { TicketView } from '../../types/api/ticket'

/** How long the screen keeps following a push still under way (notify's timer takes over after). */
const FOLLOW_MS = 60_000

/** Re-reads `view` with growing pauses while one of its reach lines is pending; hands each read to `onFresh`. */
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
    const started = Date.now()
    const follow = (pause: number): void => {
      timer = setTimeout(() => {
        call('ticket', 'get', { id })
          .then((fresh) => {
            if (stopped) return
            onFresh(fresh)
            if (fresh.reach.some((r) => r.pending) && Date.now() - started < FOLLOW_MS)
              follow(Math.min(pause * 2, 4000))
          })
          .catch(() => {
            if (!stopped && Date.now() - started < FOLLOW_MS) follow(Math.min(pause * 2, 4000))
          })
      }, pause)
    }
    follow(300)
    return () => {
      stopped = true
      if (timer) clearTimeout(timer)
    }
    // Following restarts only for another ticket or a new pending push, not for each fresh read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [id, pending])
}
