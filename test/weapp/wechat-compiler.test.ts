/**
 * @jest-environment node
 */
// WeChat's own compiler (miniprogram-ci, offline) accepts the weapp build, and rejects a build
// whose app.json lists a page that is missing — what WeChat itself would refuse.
import { cpSync, mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'
import { spawnSync } from 'node:child_process'

const ROOT = resolve(__dirname, '..', '..')

// In its own process: the compiler leaves worker processes behind that would keep jest alive.
function compile(projectPath: string): { ok: boolean; output: string } {
  const res = spawnSync('npx', ['tsx', 'scripts/compile-weapp.ts', projectPath], {
    cwd: ROOT,
    encoding: 'utf8',
    timeout: 110_000,
  })
  return { ok: res.status === 0, output: `${res.stdout}\n${res.stderr}` }
}

describe("WeChat's compiler", () => {
  it('compiles every page of dist/', () => {
    const result = compile(ROOT)
    expect(result.output).toMatch(/WeChat compiler: \d+ files/)
    expect(result.ok).toBe(true)
  }, 120_000)

  it('fails when a page listed in app.json is missing', () => {
    const copy = mkdtempSync(join(tmpdir(), 'weapp-broken-'))
    try {
      cpSync(join(ROOT, 'dist'), join(copy, 'dist'), { recursive: true })
      cpSync(join(ROOT, 'project.config.json'), join(copy, 'project.config.json'))
      rmSync(join(copy, 'dist', 'pages', 'mine'), { recursive: true, force: true })
      const result = compile(copy)
      expect(result.ok).toBe(false)
      expect(result.output).toMatch(/could not find the corresponding file: "pages\/mine\/index/)
    } finally {
      rmSync(copy, { recursive: true, force: true })
    }
  }, 120_000)
})
