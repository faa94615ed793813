// Photos for an evidence form (the report form keeps its photos on the device: useReportPhotos):
// choose, compress, upload, keep the local preview beside the cloud id; the limit comes from the contract.
import { useCallback, useState } from 'react'
import { MAX_PHOTOS } from '../../types/ticket'
import { messageOf } from '../services'
import { choosePhotos, uploadPhoto } from '../services/photo'
import { PhotoError, type PhotoProblem } from '../services/photo-errors'

export interface PhotoUploads {
  /** Uploaded cloud ids, in order. */
  ids: string[]
  /** Cloud id → what to show (the local file, or the stored id when no local copy is left). */
  previews: Record<string, string>
  uploading: number
  error: string
  /** Why the camera could not open (privacy refused, undeclared, permission off), with the way back. */
  problem?: PhotoProblem
  canAdd: boolean
  add: () => Promise<void>
  remove: (id: string) => void
}

/** Photo state for one form; `initial` restores ids (and previews) from a saved draft. */
export function usePhotoUploads(
  initial: string[] = [],
  onChange?: (ids: string[]) => void,
  initialPreviews: Record<string, string> = {},
): PhotoUploads {
  const [ids, setIds] = useState<string[]>(initial)
  const [previews, setPreviews] = useState<Record<string, string>>(initialPreviews)
  const [uploading, setUploading] = useState(0)
  const [error, setError] = useState('')
  const [problem, setProblem] = useState<PhotoProblem>()

  const commit = useCallback(
    (next: (prev: string[]) => string[]) =>
      setIds((prev) => {
        const value = next(prev).slice(0, MAX_PHOTOS)
        onChange?.(value)
        return value
      }),
    [onChange],
  )

  const add = async () => {
    setError('')
    setProblem(undefined)
    let paths: string[]
    try {
      paths = await choosePhotos(MAX_PHOTOS - ids.length)
    } catch (e) {
      // A privacy refusal or errno 112 is explained, and the camera tile stays live.
      if (e instanceof PhotoError) setProblem(e.problem)
      setError(messageOf(e))
      return
    }
    if (paths.length === 0) return
    setUploading((n) => n + paths.length)
    for (const path of paths) {
      try {
        const fileID = await uploadPhoto(path)
        setPreviews((p) => ({ ...p, [fileID]: path }))
        commit((prev) => [...prev, fileID])
      } catch (e) {
        setError(messageOf(e))
      } finally {
        setUploading((n) => n - 1)
      }
    }
  }

  return {
    ids,
    previews,
    uploading,
    error,
    problem,
    canAdd: ids.length < MAX_PHOTOS,
    add,
    remove: (id) => commit((prev) => prev.filter((p) => p !== id)),
  }
}
