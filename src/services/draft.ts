// The report draft lives on the device until the server has acknowledged it (or it is queued): a weak
// network never loses a report, and the same client key makes a retry land on the same ticket. Its
// photos are kept on the device (kept-photos.ts) and name their cloud file id once uploaded.
import Taro from '@tarojs/taro'
import { z } from 'zod'
import type { DraftPhoto } from './report-queue'

export interface ReportDraft {
  clientKey: string
  floorId: string
  photos: DraftPhoto[]
  categoryId?: string
  description?: string
  spot?: string
  anonymous?: boolean
}

const KEY = 'woodpecker.report-draft'

/** A photo as drafts store it; a draft saved before photos were kept named only its file id. */
export const StoredPhoto = z.union([
  z.object({ key: z.string(), local: z.string().optional(), fileID: z.string().optional() }),
  z.string().transform((fileID) => ({ key: fileID, fileID })),
])

const StoredDraft = z.object({
  clientKey: z.string(),
  floorId: z.string(),
  photos: z.array(StoredPhoto),
  categoryId: z.string().optional(),
  description: z.string().optional(),
  spot: z.string().optional(),
  anonymous: z.boolean().optional(),
})

/** A fresh idempotency key for a new report. */
export function newClientKey(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** A fresh name for a photo of a draft. */
export function newPhotoKey(): string {
  return `p${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
}

/** The saved draft for a floor, if any. */
export function loadDraft(floorId: string): ReportDraft | undefined {
  try {
    const parsed = StoredDraft.safeParse(Taro.getStorageSync(KEY))
    return parsed.success && parsed.data.floorId === floorId ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/** Saves the draft. */
export function saveDraft(draft: ReportDraft): void {
  Taro.setStorageSync(KEY, draft)
}

/** Forgets the draft once the server has it or the queue holds it (its kept photos go with them). */
export function clearDraft(): void {
  Taro.removeStorageSync(KEY)
}
