// Frozen bulletins: the timer freezes the last complete week (“安心工程”周报) and month
// (《安全生产简报》) once; reading one never recomputes it.
import type { Bulletin, BulletinHead, BulletinKind } from '../../../types/api/stats'
import {
  countBulletins,
  getBulletin,
  hasCountersUntil,
  insertBulletin,
  type BulletinDoc,
} from './store/bulletins'
import { duePeriods, shanghaiDay } from './domain/keys'
import type { ActionContext } from '../runtime/context'
import { gridOf, summaryOf } from './service'

/** The title of a bulletin: its series, number and period. */
export function bulletinTitle(
  kind: BulletinKind,
  number: number,
  from: string,
  to: string,
): string {
  const md = (d: string): string => `${Number(d.slice(5, 7))}月${Number(d.slice(8, 10))}日`
  return kind === 'weekly'
    ? `“安心工程”周报 第 ${number} 期（${md(from)}—${md(to)}）`
    : `《安全生产简报》第 ${number} 期（${from.slice(0, 4)}年${Number(from.slice(5, 7))}月）`
}

/** Freezes every bulletin due now that does not exist yet; returns the ids written. */
export async function freezeDue(ctx: ActionContext): Promise<string[]> {
  const now = ctx.now()
  const written: string[] = []
  for (const p of duePeriods(shanghaiDay(now))) {
    const id = `${p.kind}-${p.from}`
    if (await getBulletin(ctx.db, id)) continue
    // Nothing was counted by then: the hospital was not using the system yet.
    if (!(await hasCountersUntil(ctx.db, p.to))) continue
    const [summary, grid, count] = await Promise.all([
      summaryOf(ctx.db, p, null),
      gridOf(ctx.db, now, null),
      countBulletins(ctx.db, p.kind),
    ])
    const number = count + 1
    const doc: BulletinDoc = {
      _id: id,
      kind: p.kind,
      number,
      title: bulletinTitle(p.kind, number, p.from, p.to),
      from: p.from,
      to: p.to,
      frozenAt: now,
      summary,
      grid,
    }
    if (await insertBulletin(ctx.db, doc)) written.push(id)
  }
  return written
}

/** The head of a stored bulletin, as the API returns it. */
export function headOf(doc: BulletinDoc): BulletinHead {
  return {
    id: doc._id,
    kind: doc.kind,
    number: doc.number,
    title: doc.title,
    from: doc.from,
    to: doc.to,
    frozenAt: new Date(doc.frozenAt).toISOString(),
  }
}

/** A stored bulletin with its frozen figures. */
export function bulletinOf(doc: BulletinDoc): Bulletin {
  return { ...headOf(doc), summary: doc.summary, grid: doc.grid }
}
