// The architecture's arrows: functions are route tables over runtime/, their wing's public file and
// their own part of the API map;
// a wing's store imports no other feature; a domain/ part imports no I/O; the client's API map names
// no server-only action.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { api } from '../../../types/api'
import { internalApi } from '../../../cloudfunctions/_shared/runtime/internal-api'

const FUNCTIONS = resolve(__dirname, '../../../cloudfunctions')
const SHARED = join(FUNCTIONS, '_shared')
const TYPES = resolve(FUNCTIONS, '../types')

/** Each function's wing, by the public file it may import. */
const PUBLIC_FILE: Record<string, string> = {
  admin: 'org/admin.ts',
  media: 'media/index.ts',
  notify: 'notify/index.ts',
  org: 'org/index.ts',
  rounds: 'rounds/index.ts',
  safety: 'trust/index.ts',
  signin: 'trust/signin.ts',
  sla: 'ladder/index.ts',
  stats: 'stats/index.ts',
  ticket: 'ticket/index.ts',
  user: 'org/index.ts',
}

/** Each function's part of the API map (types/api/), the only contract file it may import. */
const CONTRACT_FILE: Record<string, string | undefined> = {
  admin: 'admin.ts',
  media: 'media.ts',
  notify: 'notify.ts',
  org: 'org.ts',
  rounds: 'rounds.ts',
  safety: 'safety.ts',
  signin: 'signin.ts',
  sla: undefined,
  stats: 'stats.ts',
  ticket: 'ticket-function.ts',
  user: 'user.ts',
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    if (statSync(path).isDirectory()) return filesUnder(path)
    return name.endsWith('.ts') ? [path] : []
  })
}

/** What a file imports: relative specifiers resolved to files, packages as written. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8')
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'([^']+)'/g)].map(([, spec]) => {
    if (!spec.startsWith('.')) return spec
    const base = resolve(dirname(file), spec)
    for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')])
      if (existsSync(candidate) && statSync(candidate).isFile()) return candidate
    return base
  })
}

const wingOf = (file: string): string | undefined => {
  const rel = relative(SHARED, file)
  return rel.startsWith('..') ? undefined : rel.split('/')[0]
}
const isStore = (file: string) => /\/store(\.ts|\/)/.test(relative(SHARED, file))
const isDomain = (file: string) => relative(SHARED, file).split('/')[1] === 'domain'
const inTypes = (file: string) => file.startsWith(TYPES + '/')

const wings = readdirSync(SHARED).filter((w) => statSync(join(SHARED, w)).isDirectory())
const shared = filesUnder(SHARED)

describe('architecture boundaries', () => {
  it('has a public file for every function', () => {
    const fns = readdirSync(FUNCTIONS).filter(
      (f) => f !== '_shared' && existsSync(join(FUNCTIONS, f, 'src/index.ts')),
    )
    expect(fns.sort()).toEqual(Object.keys(PUBLIC_FILE).sort())
    expect(fns.sort()).toEqual(Object.keys(CONTRACT_FILE).sort())
  })

  it.each(Object.entries(PUBLIC_FILE))(
    'the %s function imports only runtime/, its wing’s public file and its contract',
    (fn, publicFile) => {
      const contract = CONTRACT_FILE[fn]
      const allowed = [join(SHARED, 'runtime/index.ts'), join(SHARED, publicFile)]
      if (contract) allowed.push(join(TYPES, 'api', contract))
      for (const file of filesUnder(join(FUNCTIONS, fn, 'src')))
        for (const target of importsOf(file))
          if (target.startsWith('/'))
            expect({ file, target }).toEqual({
              file,
              target:
                allowed.find((a) => a === target) ??
                `runtime/, ${publicFile} or types/api/${contract}`,
            })
    },
  )

  it.each(shared.filter(isStore).map((f) => [relative(SHARED, f), f]))(
    'the store %s imports no other feature',
    (_name, file) => {
      const wing = wingOf(file)
      const foreign = importsOf(file).filter((target) => {
        if (!target.startsWith('/') || inTypes(target)) return false
        const other = wingOf(target)
        return other !== wing && other !== 'runtime'
      })
      expect(foreign).toEqual([])
    },
  )

  it.each(shared.filter(isDomain).map((f) => [relative(SHARED, f), f]))(
    'the pure %s imports no store, runtime, SDK or I/O',
    (_name, file) => {
      const impure = importsOf(file).filter((target) =>
        target.startsWith('/')
          ? !inTypes(target) && !isDomain(target)
          : !['dayjs', 'zod'].some((p) => target === p || target.startsWith(`${p}/`)),
      )
      expect(impure).toEqual([])
    },
  )

  it('cuts _shared by feature: no layer folders left', () => {
    expect(wings.filter((w) => ['db', 'domain', 'lib', 'utils'].includes(w))).toEqual([])
  })

  it.each(Object.entries(internalApi).flatMap(([fn, a]) => Object.keys(a).map((x) => [fn, x])))(
    'the client API map does not contain the internal action %s.%s',
    (fn, action) => {
      expect(Object.keys((api as Record<string, object>)[fn] ?? {})).not.toContain(action)
    },
  )
})
