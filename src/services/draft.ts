// The report draft lives on the device until the server has acknowledged it: a weak network never
// loses a report, and the same client key makes a retry land on the same ticket.
import Taro from '@tarojs/taro'

export interface ReportDraft {
  clientKey: string
  floorId: string
  photos: string[]
  categoryId?: string
  description?: string
  spot?: string
  anonymous?: boolean
  /** fileID → a small data URL to show after a reload (H5; see draft-thumb.ts). */
  thumbs?: Record<string, string>
}

const KEY = 'woodpecker.report-draft'

/** A fresh idempotency key for a new report. */
export function newClientKey(): string {
  return `r${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`
}

/** The saved draft for a floor, if any. */
export function loadDraft(floorId: string): ReportDraft | undefined {
  try {
    const d = Taro.getStorageSync(KEY) as ReportDraft | ''
    return d && d.floorId === floorId ? d : undefined
  } catch {
    return undefined
  }
}

/** Saves the draft. */
export function saveDraft(draft: ReportDraft): void {
  Taro.setStorageSync(KEY, draft)
}

/** Forgets the draft once the server has it. */
export function clearDraft(): void {
  Taro.removeStorageSync(KEY)
}
