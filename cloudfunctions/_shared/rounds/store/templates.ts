// Checklist template versions: the only code that names `round_templates`.
import type { Database } from '../../runtime/context'
import { isDuplicateKey, readAll, rowsOf } from '../../runtime/rows'
import { versionId, type TemplateDoc } from '../domain/templates'

const TEMPLATES = 'round_templates'

/** Every version of one template. */
export async function listVersions(db: Database, templateId: string): Promise<TemplateDoc[]> {
  return readAll<TemplateDoc>(db, TEMPLATES, { templateId })
}

/** The current version of every template. */
export async function listCurrent(db: Database): Promise<TemplateDoc[]> {
  return readAll<TemplateDoc>(db, TEMPLATES, { current: true })
}

/** One version, or null. */
export async function getVersion(
  db: Database,
  templateId: string,
  version: number,
): Promise<TemplateDoc | null> {
  const id = versionId(templateId, version)
  return (
    rowsOf<TemplateDoc>(await db.collection(TEMPLATES).where({ _id: id }).limit(1).get())[0] ?? null
  )
}

/**
 * Writes a new version and makes it the current one; false when another edit wrote that version
 * first (the caller's edit was made against an older version).
 */
export async function insertVersion(db: Database, doc: TemplateDoc): Promise<boolean> {
  try {
    await db.collection(TEMPLATES).add({ data: doc })
  } catch (error) {
    if (isDuplicateKey(error)) return false
    throw error
  }
  await db
    .collection(TEMPLATES)
    .where({ templateId: doc.templateId, current: true, version: db.command.lt(doc.version) })
    .update({ data: { current: false } })
  return true
}

/** Retires every version of a template. */
export async function retireTemplate(db: Database, templateId: string): Promise<void> {
  await db
    .collection(TEMPLATES)
    .where({ templateId })
    .update({ data: { retired: true } })
}
