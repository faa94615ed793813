// `npm run size`: the weapp package sizes WeChat would see (main package and each subpackage)
// against WeChat's hard 2 MB limit per package. Reads dist/; builds nothing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve } from 'node:path'
import { compileWeapp } from './compile-weapp'

export const WECHAT_PACKAGE_LIMIT = 2 * 1024 * 1024

export interface PackageSize {
  name: string
  bytes: number
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((entry) => {
    const path = join(dir, entry)
    return statSync(path).isDirectory() ? filesUnder(path) : [path]
  })
}

/** Sizes of the main package and every subpackage declared in dist/app.json (source maps excluded). */
export function measurePackages(dist = resolve(__dirname, '..', 'dist')): PackageSize[] {
  if (!existsSync(join(dist, 'app.json')))
    throw new Error(`${dist}/app.json not found: run npm run build:weapp first`)
  const appJson = JSON.parse(readFileSync(join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  const roots = (appJson.subPackages ?? appJson.subpackages ?? []).map((s) =>
    s.root.replace(/\/$/, ''),
  )
  const sizes = new Map<string, number>([
    ['main', 0],
    ...roots.map((r): [string, number] => [r, 0]),
  ])
  for (const file of filesUnder(dist)) {
    if (file.endsWith('.map')) continue
    const rel = relative(dist, file)
    const root = roots.find((r) => rel === r || rel.startsWith(`${r}/`))
    const key = root ?? 'main'
    sizes.set(key, (sizes.get(key) ?? 0) + statSync(file).size)
  }
  return [...sizes.entries()].map(([name, bytes]) => ({ name, bytes }))
}

/** Prints the sizes; returns false when any package is over the limit. */
export function printSizes(sizes: PackageSize[]): boolean {
  let ok = true
  for (const { name, bytes } of sizes) {
    const over = bytes > WECHAT_PACKAGE_LIMIT
    ok &&= !over
    const label = name === 'main' ? 'main package' : `subpackage ${name}/`
    console.log(
      `${label.padEnd(24)} ${(bytes / 1024).toFixed(1).padStart(8)} KB  ${over ? 'OVER the 2 MB limit' : `(${((bytes / WECHAT_PACKAGE_LIMIT) * 100).toFixed(0)}% of 2 MB)`}`,
    )
  }
  const total = sizes.reduce((n, s) => n + s.bytes, 0)
  console.log(`${'total'.padEnd(24)} ${(total / 1024).toFixed(1).padStart(8)} KB`)
  return ok
}

if (require.main === module) {
  ;(async () => {
    const sizes = measurePackages()
    const ok = printSizes(sizes)
    // WeChat's own compiler: fails on what WeChat would reject; its output is the upload's size.
    const compiled = await compileWeapp()
    console.log(`\nWeChat's compiler (miniprogram-ci, offline): ${compiled.files} files`)
    for (const { name } of sizes)
      console.log(
        `${(name === 'main' ? 'main package' : `subpackage ${name}/`).padEnd(24)} ${(
          (compiled.byPackage[name] ?? 0) / 1024
        )
          .toFixed(1)
          .padStart(8)} KB compiled`,
      )
    process.exit(ok ? 0 : 1)
  })().catch((error) => {
    console.error(`size: ${(error as Error).message ?? error}`)
    process.exit(1)
  })
}
