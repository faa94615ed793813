// Loads data for a page: loading, data, error (Chinese), and a reload.
import { useCallback, useEffect, useRef, useState } from 'react'
import { ApiError, messageOf } from '../services'

export interface RequestState<T> {
  loading: boolean
  data?: T
  error?: string
  /** The error code when the last load failed (e.g. `qr.invalid`). */
  errorCode?: string
  reload: () => Promise<void>
}

/** Runs `load` on mount and whenever `deps` change; keeps the last data while reloading. */
export function useRequest<T>(load: () => Promise<T>, deps: unknown[]): RequestState<T> {
  const [state, setState] = useState<{
    loading: boolean
    data?: T
    error?: string
    errorCode?: string
  }>({
    loading: true,
  })
  const latest = useRef(0)
  const run = useCallback(async () => {
    const ticket = ++latest.current
    setState((s) => ({ ...s, loading: true, error: undefined, errorCode: undefined }))
    try {
      const data = await load()
      if (ticket === latest.current) setState({ loading: false, data })
    } catch (error) {
      if (ticket === latest.current)
        setState((s) => ({
          ...s,
          loading: false,
          error: messageOf(error),
          errorCode: error instanceof ApiError ? error.code : undefined,
        }))
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)
  useEffect(() => {
    void run()
  }, [run])
  return { ...state, reload: run }
}
