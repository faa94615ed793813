// The report's photos: each is kept on the device the moment it is chosen, then uploaded; without
// network it waits ("待上传") and uploads by itself when the network returns. A restored draft shows
// its kept pictures, never a cloud:// id the page cannot draw.
import { useCallback, useEffect, useRef, useState } from 'react'
import { MAX_PHOTOS } from '../../types/ticket'
import { messageOf } from '../services'
import { newPhotoKey } from '../services/draft'
import { forgetPhoto, keepPhoto, keptPhotoUrl } from '../services/kept-photos'
import { onNetworkBack } from '../services/network'
import { choosePhotos, uploadPhoto } from '../services/photo'
import { PhotoError, type PhotoProblem } from '../services/photo-errors'
import type { DraftPhoto } from '../services/report-queue'

export interface ReportPhotos {
  photos: DraftPhoto[]
  /** Photo key → a picture to show (the chosen file or the kept copy); absent while it loads. */
  previews: Record<string, string>
  /** Keys being uploaded right now. */
  uploading: string[]
  /** Why the camera could not open (privacy refused, undeclared, permission off), with the way back. */
  problem?: PhotoProblem
  error: string
  canAdd: boolean
  add: () => Promise<void>
  remove: (key: string) => void
  /** The photos once the uploads under way have finished (each uploaded or still waiting). */
  settled: () => Promise<DraftPhoto[]>
}

/** Photo state for the report form; `initial` comes from the saved draft, `onChange` saves it. */
export function useReportPhotos(
  initial: DraftPhoto[],
  onChange: (photos: DraftPhoto[]) => void,
): ReportPhotos {
  const [photos, setPhotos] = useState<DraftPhoto[]>(initial)
  const [previews, setPreviews] = useState<Record<string, string>>({})
  const [uploading, setUploading] = useState<string[]>([])
  const [error, setError] = useState('')
  const [problem, setProblem] = useState<PhotoProblem>()
  const busy = useRef(new Set<string>())
  const sources = useRef<Record<string, string>>({})
  const current = useRef(photos)

  // `current` is the truth (uploads read it between renders); the state follows it.
  const commit = useCallback(
    (next: (prev: DraftPhoto[]) => DraftPhoto[]) => {
      const value = next(current.current).slice(0, MAX_PHOTOS)
      current.current = value
      setPhotos(value)
      onChange(value)
    },
    [onChange],
  )

  /** Uploads every photo still waiting; a failure leaves it waiting for the network. */
  const uploadWaiting = useCallback(async () => {
    for (const photo of current.current) {
      if (photo.fileID || busy.current.has(photo.key)) continue
      const source =
        sources.current[photo.key] ?? (photo.local ? await keptPhotoUrl(photo.local) : undefined)
      if (!source) continue
      busy.current.add(photo.key)
      setUploading([...busy.current])
      try {
        const fileID = await uploadPhoto(source)
        commit((prev) => prev.map((p) => (p.key === photo.key ? { ...p, fileID } : p)))
      } catch {
        // Stays 待上传: it goes when the network is back, or with the queued report.
      } finally {
        busy.current.delete(photo.key)
        setUploading([...busy.current])
      }
    }
  }, [commit])
  // One upload run at a time: a photo is never uploaded twice, and 提交 can wait for the run.
  const inflight = useRef<Promise<void>>(Promise.resolve())
  const uploadPending = useCallback(() => {
    const run = inflight.current.then(uploadWaiting)
    inflight.current = run.catch(() => undefined)
    return inflight.current
  }, [uploadWaiting])

  useEffect(() => {
    // Kept pictures of a restored draft, then whatever it still has to upload.
    let live = true
    void (async () => {
      for (const p of initial) {
        const url = p.local ? await keptPhotoUrl(p.local) : undefined
        if (url && live) setPreviews((prev) => ({ ...prev, [p.key]: url }))
      }
      if (live) void uploadPending()
    })()
    const stop = onNetworkBack(() => void uploadPending())
    return () => {
      live = false
      stop()
    }
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [])

  const add = async () => {
    setError('')
    setProblem(undefined)
    let paths: string[]
    try {
      paths = await choosePhotos(MAX_PHOTOS - current.current.length)
    } catch (e) {
      // A privacy refusal or errno 112 is explained, and the camera tile stays live.
      if (e instanceof PhotoError) setProblem(e.problem)
      setError(messageOf(e))
      return
    }
    for (const path of paths) {
      const key = newPhotoKey()
      sources.current[key] = path
      setPreviews((prev) => ({ ...prev, [key]: path }))
      const local = await keepPhoto(path, key)
      commit((prev) => [...prev, { key, local }])
    }
    await uploadPending()
  }

  return {
    photos,
    previews,
    uploading,
    problem,
    error,
    canAdd: photos.length < MAX_PHOTOS,
    add,
    settled: async () => {
      await inflight.current
      return current.current
    },
    remove: (key) => {
      forgetPhoto(current.current.find((p) => p.key === key)?.local)
      commit((prev) => prev.filter((p) => p.key !== key))
    },
  }
}
