// Loads data for a page: first on mount, again on `reload()`, and (optionally) each time the page
// is shown again, e.g. after coming back from a detail page. Stale answers are dropped.
import { useCallback, useEffect, useRef, useState } from 'react'
import { useDidShow } from '@tarojs/taro'
import { errorMessage } from '../services/api'

export interface Loader<T> {
  data: T | null
  error: string | null
  loading: boolean
  /** Loads again; `quiet` keeps the current data on screen while it loads. */
  reload: (quiet?: boolean) => Promise<void>
  setData: (data: T) => void
}

export function useLoader<T>(
  load: (() => Promise<T>) | null,
  deps: readonly unknown[],
  options: { refreshOnShow?: boolean } = {},
): Loader<T> {
  const [data, setData] = useState<T | null>(null)
  const [error, setError] = useState<string | null>(null)
  const [loading, setLoading] = useState<boolean>(!!load)
  const generation = useRef(0)
  const loadRef = useRef(load)
  loadRef.current = load
  const firstShow = useRef(true)

  const reload = useCallback(async (quiet = false) => {
    const current = loadRef.current
    if (!current) return
    const mine = ++generation.current
    if (!quiet) setLoading(true)
    try {
      const result = await current()
      if (mine !== generation.current) return
      setData(result)
      setError(null)
    } catch (e) {
      if (mine !== generation.current) return
      if (!quiet) setError(errorMessage(e))
    } finally {
      if (mine === generation.current) setLoading(false)
    }
  }, [])

  useEffect(() => {
    if (!load) {
      setLoading(false)
      return
    }
    void reload()
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, deps)

  useDidShow(() => {
    // The first show is the mount, which already loads.
    if (firstShow.current) {
      firstShow.current = false
      return
    }
    if (options.refreshOnShow) void reload(true)
  })

  return { data, error, loading, reload, setData }
}
