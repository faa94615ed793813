// The report page's first reads, shared by the page and by the app's launch (which starts them
// before the page renders when a scan opens the app on this page).
import { call } from '../../services'
import { startEarly, takeEarly } from '../../services/early-read'

const floorKey = (scene: string): string => `report:floor:${scene}`
const CATEGORIES = 'report:categories'

/** The floor a scanned scene names, taking the launch's early read when there is one. */
export const floorOfScene = (scene: string) =>
  takeEarly(floorKey(scene), () => call('org', 'floorByScene', { scene }))

/** The categories to pick from, taking the launch's early read when there is one. */
export const reportCategories = () => takeEarly(CATEGORIES, () => call('org', 'categories', {}))

/**
 * Starts the page's reads for a launch on the report page with `scene`, without waiting for the
 * input check's chunk: both are reads the function checks for itself.
 */
export function startReportReads(scene: string): void {
  const early = { early: true }
  if (scene) startEarly(floorKey(scene), () => call('org', 'floorByScene', { scene }, early))
  startEarly(CATEGORIES, () => call('org', 'categories', {}, early))
}
