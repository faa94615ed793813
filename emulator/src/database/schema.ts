// Reads the declared collections (indexes, security rules) from database/collections/*.json.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import type { IndexSpec } from './sorted-index'

export interface CollectionSpec {
  name: string
  indexes: IndexSpec[]
  rules?: { read?: unknown; write?: unknown }
}

/** Every collection declared under `<databaseDir>/collections/`. */
export function loadCollectionSpecs(databaseDir: string): CollectionSpec[] {
  const dir = join(databaseDir, 'collections')
  if (!existsSync(dir)) return []
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .sort()
    .map((file) => {
      const name = file.replace(/\.json$/, '')
      const raw = JSON.parse(readFileSync(join(dir, file), 'utf8')) as Partial<CollectionSpec>
      const indexes = (raw.indexes ?? []).map((ix, i) => {
        if (!ix.keys || Object.keys(ix.keys).length === 0) {
          throw new Error(`database/collections/${file}: index #${i} has no keys`)
        }
        return {
          name: ix.name ?? Object.keys(ix.keys).join('_'),
          keys: ix.keys,
          unique: Boolean(ix.unique),
        }
      })
      return { name, indexes, rules: raw.rules }
    })
}
