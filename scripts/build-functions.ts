// Bundles each cloudfunctions/<fn>/src/index.ts (with _shared/ and types/ inlined, wx-server-sdk
// external) into cloudfunctions/<fn>/index.js, the self-contained folder WeChat uploads.
import { build } from 'esbuild'
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, resolve } from 'node:path'

export const FUNCTIONS_DIR = resolve(__dirname, '..', 'cloudfunctions')

// Files a function reads at run time, copied into its folder (the cloud has no system fonts).
// Noto Sans SC (SIL Open Font License) from the @expo-google-fonts/noto-sans-sc package.
const FONT_PKG = resolve(__dirname, '..', 'node_modules', '@expo-google-fonts', 'noto-sans-sc')
const RUNTIME_FILES: Record<string, Array<{ from: string; to: string }>> = {
  admin: [
    {
      from: join(FONT_PKG, '400Regular', 'NotoSansSC_400Regular.ttf'),
      to: 'fonts/NotoSansSC-Regular.ttf',
    },
    { from: join(FONT_PKG, '700Bold', 'NotoSansSC_700Bold.ttf'), to: 'fonts/NotoSansSC-Bold.ttf' },
    { from: join(FONT_PKG, 'LICENSE_FONT'), to: 'fonts/OFL.txt' },
  ],
}

/** Copies the run-time files of a function into its folder when missing or stale. */
export function copyRuntimeFiles(name: string, dir = FUNCTIONS_DIR): void {
  for (const { from, to } of RUNTIME_FILES[name] ?? []) {
    const target = join(dir, name, to)
    if (existsSync(target) && statSync(target).size === statSync(from).size) continue
    mkdirSync(join(target, '..'), { recursive: true })
    copyFileSync(from, target)
  }
}

/** Names of the deployable functions: folders with src/index.ts, never `_shared`. */
export function listFunctions(dir = FUNCTIONS_DIR): string[] {
  return readdirSync(dir)
    .filter((name) => !name.startsWith('_') && !name.startsWith('.'))
    .filter((name) => existsSync(join(dir, name, 'src', 'index.ts')))
    .sort()
}

/** Fails loudly when a function folder would not deploy as-is. */
export function checkFunctionFolder(name: string, dir = FUNCTIONS_DIR): void {
  const pkgPath = join(dir, name, 'package.json')
  if (!existsSync(pkgPath)) throw new Error(`cloudfunctions/${name}/package.json is missing`)
  const pkg = JSON.parse(readFileSync(pkgPath, 'utf8')) as { dependencies?: Record<string, string> }
  const deps = Object.keys(pkg.dependencies ?? {})
  if (deps.join() !== 'wx-server-sdk') {
    throw new Error(
      `cloudfunctions/${name}/package.json must depend on wx-server-sdk only (has: ${deps.join(', ')})`,
    )
  }
  if (!existsSync(join(dir, name, 'config.json')))
    throw new Error(`cloudfunctions/${name}/config.json is missing`)
}

/** Bundles every function; returns the names built and each bundle's size in bytes. */
export async function buildFunctions(
  opts: { dir?: string; quiet?: boolean } = {},
): Promise<Record<string, number>> {
  const dir = opts.dir ?? FUNCTIONS_DIR
  const sizes: Record<string, number> = {}
  for (const name of listFunctions(dir)) {
    checkFunctionFolder(name, dir)
    copyRuntimeFiles(name, dir)
    const outfile = join(dir, name, 'index.js')
    await build({
      entryPoints: [join(dir, name, 'src', 'index.ts')],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      // pdfkit's ESM build locates its data with import.meta.url, which a CJS bundle lacks.
      alias: { pdfkit: require.resolve('pdfkit') },
      sourcemap: false,
      legalComments: 'none',
      logLevel: 'warning',
    })
    sizes[name] = statSync(outfile).size
  }
  if (!opts.quiet) {
    for (const [name, size] of Object.entries(sizes)) {
      console.log(`  cloudfunctions/${name}/index.js  ${(size / 1024).toFixed(1)} KB`)
    }
  }
  return sizes
}

if (require.main === module) {
  buildFunctions()
    .then((sizes) => console.log(`built ${Object.keys(sizes).length} cloud functions`))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
