// The `settings` collection (its rules let no client read or write it): server-only secrets and the
// hospital's own settings.
import { randomBytes } from 'node:crypto'
import type { Database } from './context'
import { rowsOf, isDuplicateKey } from './rows'

const SETTINGS = 'settings'
const known = new Map<string, string>()

/** The secret named `id`, or null when none was ever made (reading never writes). */
export async function getSecret(db: Database, id: string): Promise<string | null> {
  const cached = known.get(id)
  if (cached) return cached
  const row = rowsOf<{ secret?: string }>(
    await db.collection(SETTINGS).where({ _id: id }).limit(1).get(),
  )[0]
  if (row?.secret) known.set(id, row.secret)
  return row?.secret ?? null
}

/** The secret named `id`, made once with 32 random bytes; every function instance reads the same. */
export async function getOrCreateSecret(db: Database, id: string): Promise<string> {
  const found = await getSecret(db, id)
  if (found) return found
  try {
    await db
      .collection(SETTINGS)
      .add({ data: { _id: id, secret: randomBytes(32).toString('hex') } })
  } catch (error) {
    // Another instance made it first: read theirs.
    if (!isDuplicateKey(error)) throw error
  }
  const made = await getSecret(db, id)
  if (!made) throw new Error(`secret ${id} could not be stored`)
  return made
}

export interface SettingsDoc {
  _id: 'hospital'
  name: string
}

/** The hospital's settings (its name on posters). */
export async function getSettings(db: Database): Promise<SettingsDoc> {
  const doc = rowsOf<SettingsDoc>(
    await db.collection(SETTINGS).where({ _id: 'hospital' }).limit(1).get(),
  )[0]
  return doc ?? { _id: 'hospital', name: '' }
}

/** Saves the hospital's settings. */
export async function saveSettings(db: Database, doc: SettingsDoc) {
  const { _id, ...data } = doc
  await db.collection(SETTINGS).doc(_id).set({ data })
}
