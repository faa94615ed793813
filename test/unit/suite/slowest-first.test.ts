// The test sequencer: the files known to run longest start first, in their listed order.
import { existsSync } from 'node:fs'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..', '..', '..')
const SlowestFirst = require('../../slowest-first.js') as {
  new (opts: { contexts: unknown[]; globalConfig: unknown }): {
    sort(tests: Array<{ path: string; context: unknown }>): Array<{ path: string }>
  }
  SLOWEST: string[]
}

// No timings cached: jest falls back to file size (all equal here).
const context = {
  config: { rootDir: ROOT, id: 'slowest-first', cacheDirectory: join(ROOT, '.cache', 'none') },
  hasteFS: { getSize: () => 0 },
}
const test = (file: string) => ({ path: join(ROOT, file), context, duration: undefined })

it('names only files that exist', () => {
  expect(SlowestFirst.SLOWEST.filter((f) => !existsSync(join(ROOT, f)))).toEqual([])
})

it('starts the listed files first, in their order, and keeps every file once', () => {
  const others = ['test/unit/domain/grade.test.ts', 'test/functions/user.test.ts']
  const listed = [...SlowestFirst.SLOWEST].reverse()
  const sorted = new SlowestFirst({ contexts: [context], globalConfig: {} })
    .sort([...others, ...listed].map(test))
    .map((t) => t.path.slice(ROOT.length + 1))
  expect(sorted.slice(0, listed.length)).toEqual(SlowestFirst.SLOWEST)
  expect([...sorted].sort()).toEqual([...others, ...listed].sort())
})
