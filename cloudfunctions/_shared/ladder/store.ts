// Once-a-day jobs: a claim per job key, so a timer firing twice runs the job once.
import type { Database } from '../runtime/context'
import { isDuplicateKey } from '../runtime/rows'

const RUNS = 'sla_runs'

/** Claims a job; true when this caller should run it (new, or a stale unfinished claim). */
export async function claimRun(
  db: Database,
  key: string,
  now: Date,
  staleMs: number,
): Promise<boolean> {
  try {
    await db.collection(RUNS).add({ data: { _id: key, status: 'started', at: now } })
    return true
  } catch (error) {
    if (!isDuplicateKey(error)) throw error
  }
  const res = (await db
    .collection(RUNS)
    .where({ _id: key, status: 'started', at: db.command.lt(new Date(now.getTime() - staleMs)) })
    .update({ data: { at: now } })) as { stats?: { updated?: number } }
  return (res.stats?.updated ?? 0) === 1
}

/** Marks a job done. */
export async function finishRun(db: Database, key: string, now: Date): Promise<void> {
  await db
    .collection(RUNS)
    .where({ _id: key })
    .update({ data: { status: 'done', doneAt: now } })
}
