// The server's time on a page, ticking: countdowns run from the server's `now` in its last answer,
// carried forward by the phone's clock (only its pace is trusted, never its reading).
import { useEffect, useMemo, useState } from 'react'
import { clockOffset } from '../services/due'

/** The server's current time in ms, from the `now` of the latest answer; re-renders every 30 s. */
export function useServerNow(serverNow: string | undefined): number {
  // Measured in the render that first shows the answer, so no frame shows the phone's time.
  const offset = useMemo(() => (serverNow ? clockOffset(serverNow) : 0), [serverNow])
  const [, setTick] = useState(0)
  useEffect(() => {
    const timer = setInterval(() => setTick((n) => n + 1), 30_000)
    return () => clearInterval(timer)
  }, [])
  return Date.now() + offset
}
