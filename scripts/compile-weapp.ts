// WeChat's own compiler over the weapp build, offline: miniprogram-ci's getCompiledResult with the
// project's settings. Fails on any compile error (a page listed in app.json but missing, bad WXML…)
// and reports the compiled package's size. `attr()` is supplied so the compiler never asks the
// network for the account's project attributes (PLATFORM.md).
import { generateKeyPairSync } from 'node:crypto'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join, resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')

interface Compiled {
  files: number
  bytes: number
  byPackage: Record<string, number>
}

/** Compiles dist/ with WeChat's compiler; throws with the compiler's message on any error. */
export async function compileWeapp(projectPath = ROOT): Promise<Compiled> {
  const ci = require('miniprogram-ci')
  const { DefaultProjectAttr } = require('miniprogram-ci/dist/config/config')
  const config = JSON.parse(readFileSync(join(projectPath, 'project.config.json'), 'utf8'))
  const project = new ci.Project({
    appid: config.appid,
    type: 'miniProgram',
    projectPath,
    // Compiling never uploads; the CI module still wants a key, so it gets a throwaway one.
    privateKey: generateKeyPairSync('rsa', { modulusLength: 1024 }).privateKey.export({
      type: 'pkcs1',
      format: 'pem',
    }),
    ignores: ['node_modules/**/*', 'cloudfunctions/**/*'],
  })
  project.attr = async () => DefaultProjectAttr
  // The compiler leaves an empty md5-named directory in the working directory: it works in a
  // throwaway one, never in the repository.
  const out = mkdtempSync(join(tmpdir(), 'weapp-compiled-'))
  const cwd = process.cwd()
  process.chdir(out)
  try {
    const result: Record<string, string | Buffer> = await ci.getCompiledResult(
      { project, version: '0.0.0', setting: { ...config.setting } },
      undefined,
    )
    const subRoots: string[] = (
      JSON.parse(readFileSync(join(projectPath, config.miniprogramRoot, 'app.json'), 'utf8'))
        .subPackages ?? []
    ).map((s: { root: string }) => s.root.replace(/\/$/, ''))
    const byPackage: Record<string, number> = { main: 0 }
    let bytes = 0
    for (const [path, content] of Object.entries(result)) {
      const size = Buffer.byteLength(content)
      bytes += size
      const sub = subRoots.find((r) => path === r || path.startsWith(`${r}/`))
      byPackage[sub ?? 'main'] = (byPackage[sub ?? 'main'] ?? 0) + size
    }
    return { files: Object.keys(result).length, bytes, byPackage }
  } finally {
    process.chdir(cwd)
    rmSync(out, { recursive: true, force: true })
  }
}

if (require.main === module) {
  compileWeapp(process.argv[2] ? resolve(process.argv[2]) : ROOT)
    .then((r) => {
      const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`
      console.log(`WeChat compiler: ${r.files} files, ${kb(r.bytes)} in all`)
      for (const [pkg, n] of Object.entries(r.byPackage)) console.log(`  ${pkg}: ${kb(n)}`)
      // The compiler leaves worker processes behind; the result is in.
      process.exit(0)
    })
    .catch((error) => {
      console.error('WeChat compiler failed:', error?.message ?? error)
      process.exit(1)
    })
}
