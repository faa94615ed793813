// One owner per collection: each collection in database/collections is named (as a string literal)
// by exactly one file of the server code, and that file is a store.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'

const ROOT = resolve(__dirname, '../../..')
const SHARED = join(ROOT, 'cloudfunctions/_shared')
const COLLECTIONS = readdirSync(join(ROOT, 'database/collections'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => f.replace(/\.json$/, ''))

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** Code without comments, so a collection named in prose does not count as a use. */
const codeOf = (file: string): string =>
  readFileSync(file, 'utf8')
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .replace(/^\s*\/\/.*$/gm, '')

const SOURCES = filesUnder(SHARED).map((file) => ({
  file: relative(SHARED, file),
  code: codeOf(file),
}))

const isStore = (file: string): boolean =>
  /(^|\/)store(\/|\.ts$)|^runtime\/[^/]*(users|store)/.test(file)

describe('each collection has one owner', () => {
  it('finds the collections', () => expect(COLLECTIONS).toContain('tickets'))

  it.each(COLLECTIONS)('%s is named by exactly one store file', (name) => {
    const literal = new RegExp(`['"\`]${name}['"\`]`)
    const naming = SOURCES.filter((s) => literal.test(s.code)).map((s) => s.file)
    expect(naming).toHaveLength(1)
    expect(isStore(naming[0])).toBe(true)
  })
})
