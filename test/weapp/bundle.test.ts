// The compiled weapp package: within WeChat's limits, and free of eval (WeChat forbids it).
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { measurePackages, WECHAT_PACKAGE_LIMIT } from '../../scripts/size'
import { DIST } from './harness'

function jsFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((e) => {
    const p = join(dir, e)
    return statSync(p).isDirectory() ? jsFiles(p) : p.endsWith('.js') ? [p] : []
  })
}

describe('weapp bundle', () => {
  it('keeps every package under WeChat’s 2 MB limit', () => {
    const sizes = measurePackages(DIST)
    expect(sizes.map((s) => s.name)).toEqual(expect.arrayContaining(['main', 'cockpit', 'admin']))
    for (const s of sizes)
      expect({ name: s.name, over: s.bytes > WECHAT_PACKAGE_LIMIT }).toEqual({
        name: s.name,
        over: false,
      })
  })

  it('contains no eval or new Function except webpack’s guarded global lookup', () => {
    const offenders: string[] = []
    for (const file of jsFiles(DIST)) {
      const code = readFileSync(file, 'utf8').replace(
        /try\{return this\|\|new Function\("return this"\)\(\)\}/g,
        '',
      )
      if (/\bnew Function\s*\(|[^.\w]eval\s*\(/.test(code)) offenders.push(file)
    }
    expect(offenders).toEqual([])
  })
})
