// The architecture's arrows: the pure domain imports no database or SDK code, and the client's API
// map names no server-only action.
import { readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { api } from '../../../types/api'
import { internalApi } from '../../../cloudfunctions/_shared/runtime/internal-api'

const DOMAIN = join(__dirname, '../../../cloudfunctions/_shared/ticket/domain')

describe('architecture boundaries', () => {
  it.each(readdirSync(DOMAIN).filter((f) => f.endsWith('.ts')))(
    'domain/%s imports nothing from db/, runtime/ or the SDK',
    (file) => {
      const imports = [...readFileSync(join(DOMAIN, file), 'utf8').matchAll(/from '([^']+)'/g)].map(
        (m) => m[1],
      )
      expect(imports.filter((i) => /\/db\/|\/runtime\/|wx-server-sdk/.test(i))).toEqual([])
    },
  )

  it.each(Object.entries(internalApi).flatMap(([fn, a]) => Object.keys(a).map((x) => [fn, x])))(
    'the client API map does not contain the internal action %s.%s',
    (fn, action) => {
      expect(Object.keys((api as Record<string, object>)[fn] ?? {})).not.toContain(action)
    },
  )
})
