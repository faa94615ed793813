// A list paged by cursor: the first page (with its counts), more on demand, reload from the top.
import { useCallback, useEffect, useRef, useState } from 'react'
import type { TicketSummary } from '../../types/api/ticket'
import { messageOf } from '../services'

export interface PageLike {
  items: TicketSummary[]
  nextCursor: string | null
}

export interface PagedState<P extends PageLike> {
  /** The first page as answered (counts, headings). */
  first?: P
  items: TicketSummary[]
  loading: boolean
  error?: string
  hasMore: boolean
  more: () => void
  reload: () => void
}

/** Loads page one whenever `deps` change; `more()` appends the next page. */
export function usePaged<P extends PageLike>(
  load: (before?: string) => Promise<P>,
  deps: unknown[],
): PagedState<P> {
  const [state, setState] = useState<{
    first?: P
    items: TicketSummary[]
    cursor: string | null
    loading: boolean
    error?: string
  }>({ items: [], cursor: null, loading: true })
  const generation = useRef(0)
  const run = useCallback(
    async (before?: string) => {
      const mine = before ? generation.current : ++generation.current
      setState((s) => ({ ...s, loading: true, error: undefined }))
      try {
        const page = await load(before)
        if (mine !== generation.current) return
        setState((s) => ({
          first: before ? s.first : page,
          items: before ? [...s.items, ...page.items] : page.items,
          cursor: page.nextCursor,
          loading: false,
        }))
      } catch (error) {
        if (mine === generation.current)
          setState((s) => ({ ...s, loading: false, error: messageOf(error) }))
      }
    },
    // eslint-disable-next-line react-hooks/exhaustive-deps
    deps,
  )
  useEffect(() => {
    void run()
  }, [run])
  return {
    first: state.first,
    items: state.items,
    loading: state.loading,
    error: state.error,
    hasMore: Boolean(state.cursor),
    more: () => {
      if (state.cursor && !state.loading) void run(state.cursor)
    },
    reload: () => void run(),
  }
}
