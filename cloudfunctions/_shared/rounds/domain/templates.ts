// Checklist templates as versions: an edit never changes a version in use — it writes the next one.
// Items keep their ids across versions, so an item's answers and findings can be followed through
// edits; a new item gets an id never used by the template before. Pure.
import type { FindingGrade } from '../../../../types/api/rounds'

/** One checklist item as stored. */
export interface StoredItem {
  id: string
  text: string
  howTo: string
  categoryId: string
  grade: FindingGrade
  photoRequired: boolean
}
export interface StoredSection {
  title: string
  items: StoredItem[]
}

/** One version of a template as stored; `current` marks the newest. */
export interface TemplateDoc {
  _id: string
  templateId: string
  version: number
  name: string
  sections: StoredSection[]
  retired: boolean
  current: boolean
  createdAt: Date
  createdBy: string
  createdByName: string
}

/** A template edit as parsed from the contract (items may lack ids). */
export interface TemplateEdit {
  name: string
  sections: Array<{ title: string; items: Array<Omit<StoredItem, 'id'> & { id?: string }> }>
}

/** A refusal naming the field at fault. */
export interface Refusal {
  path: string
  message: string
}

/** The stored id of a template's version. */
export const versionId = (templateId: string, version: number): string =>
  `${templateId}:v${version}`

/** The number inside an item id (`i12` → 12). */
const itemNumber = (id: string): number => Number(id.slice(1))

/** The highest item number any of the versions ever used. */
export function highestItemNumber(versions: ReadonlyArray<Pick<TemplateDoc, 'sections'>>): number {
  let max = 0
  for (const v of versions)
    for (const s of v.sections) for (const i of s.items) max = Math.max(max, itemNumber(i.id))
  return max
}

/**
 * The edit's sections with every item named: kept ids must belong to the template's history and
 * appear once; new items count on from `highest`.
 */
export function nameItems(
  edit: TemplateEdit,
  known: ReadonlySet<string>,
  highest: number,
): { sections: StoredSection[] } | { refused: Refusal } {
  const seen = new Set<string>()
  let next = highest
  const sections: StoredSection[] = []
  for (const [s, section] of edit.sections.entries()) {
    const items: StoredItem[] = []
    for (const [i, item] of section.items.entries()) {
      const path = `sections.${s}.items.${i}.id`
      if (item.id !== undefined && !known.has(item.id))
        return { refused: { path, message: '检查项不属于这张检查表' } }
      if (item.id !== undefined && seen.has(item.id))
        return { refused: { path, message: '同一检查项出现了两次' } }
      const id = item.id ?? `i${++next}`
      seen.add(id)
      items.push({ ...item, id })
    }
    sections.push({ title: section.title, items })
  }
  return { sections }
}

/** Whether two versions say exactly the same (an edit that changes nothing writes nothing). */
export function sameContent(
  a: Pick<TemplateDoc, 'name' | 'sections'>,
  b: Pick<TemplateDoc, 'name' | 'sections'>,
): boolean {
  const norm = (t: Pick<TemplateDoc, 'name' | 'sections'>) =>
    JSON.stringify([
      t.name,
      t.sections.map((s) => [
        s.title,
        s.items.map((i) => [i.id, i.text, i.howTo, i.categoryId, i.grade, i.photoRequired]),
      ]),
    ])
  return norm(a) === norm(b)
}

/** What saving an edit does: a new version, nothing (no change), or a refusal. */
export type SavePlan =
  | { kind: 'new'; version: number; sections: StoredSection[] }
  | { kind: 'unchanged'; current: TemplateDoc }
  | { kind: 'refused'; refusal: Refusal }

/** Decides a save from the template's stored versions (empty for a new template). */
export function planSave(versions: readonly TemplateDoc[], edit: TemplateEdit): SavePlan {
  const current = currentOf(versions)
  if (current?.retired)
    return { kind: 'refused', refusal: { path: 'templateId', message: '检查表已停用，不能修改' } }
  const known = new Set(
    versions.flatMap((v) => v.sections.flatMap((s) => s.items.map((i) => i.id))),
  )
  const named = nameItems(edit, known, highestItemNumber(versions))
  if ('refused' in named) return { kind: 'refused', refusal: named.refused }
  if (current && sameContent(current, { name: edit.name, sections: named.sections }))
    return { kind: 'unchanged', current }
  const version = versions.reduce((max, v) => Math.max(max, v.version), 0) + 1
  return { kind: 'new', version, sections: named.sections }
}

/** The newest version of a template, or null. */
export function currentOf(versions: readonly TemplateDoc[]): TemplateDoc | null {
  return versions.reduce<TemplateDoc | null>(
    (best, v) => (best && best.version >= v.version ? best : v),
    null,
  )
}

/**
 * The version a round walks: the one it pinned when it started, else (starting now) the template's
 * current version — unless the template was retired before the round began.
 */
export function versionToWalk(
  pinned: number | null,
  current: Pick<TemplateDoc, 'version' | 'retired'> | null,
): { version: number } | { refused: string } {
  if (pinned !== null) return { version: pinned }
  if (!current) return { refused: '检查表不存在' }
  if (current.retired) return { refused: '检查表已停用，请重新安排巡查' }
  return { version: current.version }
}

/** Every item of a version, by id. */
export function itemsById(sections: readonly StoredSection[]): Map<string, StoredItem> {
  return new Map(sections.flatMap((s) => s.items.map((i) => [i.id, i] as const)))
}
