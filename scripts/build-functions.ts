// Bundles each cloudfunctions/<fn>/src/index.ts (with _shared/ and types/ inlined) into
// cloudfunctions/<fn>/index.js, and its libraries into vendor/: the self-contained folder WeChat
// uploads.
import { build, type BuildOptions, type Plugin } from 'esbuild'
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs'
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

// Libraries only some actions need: each is bundled on its own into <fn>/vendor/<name>.js, and the
// function's bundle requires that file when an action first imports it (`await import(...)`), so a
// cold start neither runs nor even parses them.
const DEFERRED = [
  '@cloudbase/node-sdk',
  'exceljs',
  'jszip',
  'pdfkit',
  'tencentcloud-sdk-nodejs-sms',
] as const

// wx-server-sdk, unmodified, bundled on its own into <fn>/vendor/wx-server-sdk.js and required when
// the function loads: one file instead of the ~430 modules Node would resolve and read one by one
// from node_modules, which was most of a cold start. (Its @cloudbase/node-sdk then reports its
// version as "unknow", the fallback it has for running bundled.)
const SDK = 'wx-server-sdk'

/** The file a vendored library is bundled into, relative to its function's index.js. */
const vendorFile = (pkg: string): string => `./vendor/${pkg.replace(/[/@]/g, '_')}.js`

/**
 * Marks the SDK and each deferred library external, as its vendor file (recording it in `used`);
 * a static import of a deferred library fails.
 */
function vendorLibraries(used: Set<string>): Plugin {
  const filter = new RegExp(`^(${[SDK, ...DEFERRED].join('|')})$`)
  return {
    name: 'vendor-libraries',
    setup(b) {
      b.onResolve({ filter }, (args) => {
        if (args.path !== SDK && args.kind !== 'dynamic-import') {
          return {
            errors: [{ text: `${args.path} must be loaded with await import(): it is deferred` }],
          }
        }
        used.add(args.path)
        return { path: vendorFile(args.path), external: true }
      })
    },
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

/** How every bundle is built: one CommonJS file for the functions' Node. */
const BUNDLE: BuildOptions = {
  bundle: true,
  platform: 'node',
  target: 'node16',
  format: 'cjs',
  sourcemap: false,
  legalComments: 'none',
  logLevel: 'warning',
}

/** How one function's own bundle is built (its deferred libraries recorded in `used`). */
function functionBundle(name: string, dir: string, used: Set<string>): BuildOptions {
  return {
    ...BUNDLE,
    entryPoints: [join(dir, name, 'src', 'index.ts')],
    plugins: [vendorLibraries(used)],
    // A deferred library's import() becomes a require(), so its CommonJS exports keep their names.
    supported: { 'dynamic-import': false },
  }
}

/** The source files a function's bundle carries, as absolute paths (nothing is written). */
export async function bundledFiles(name: string, dir = FUNCTIONS_DIR): Promise<string[]> {
  const result = await build({
    ...functionBundle(name, dir, new Set()),
    write: false,
    metafile: true,
    outfile: join(dir, name, 'index.js'),
  })
  return Object.keys(result.metafile.inputs).map((file) => resolve(file))
}

/** Bundles a vendored library once per build (the same bytes go into each function that uses it). */
async function bundleVendor(pkg: string, vendored: Map<string, Uint8Array>): Promise<Uint8Array> {
  const result = await build({
    ...BUNDLE,
    // The package's CommonJS entry: pdfkit's ESM build finds its data through import.meta.url.
    entryPoints: [require.resolve(pkg)],
    write: false,
    outfile: vendorFile(pkg),
    // The SDK loads with every function: less text to read and parse (names are kept).
    minifyWhitespace: pkg === SDK,
    minifySyntax: pkg === SDK,
  })
  vendored.set(pkg, result.outputFiles[0].contents)
  return result.outputFiles[0].contents
}

/** Bundles every function; returns the names built and each bundle's size in bytes. */
export async function buildFunctions(
  opts: { dir?: string; quiet?: boolean } = {},
): Promise<Record<string, number>> {
  const dir = opts.dir ?? FUNCTIONS_DIR
  const sizes: Record<string, number> = {}
  const vendored = new Map<string, Uint8Array>()
  for (const name of listFunctions(dir)) {
    checkFunctionFolder(name, dir)
    copyRuntimeFiles(name, dir)
    const outfile = join(dir, name, 'index.js')
    const used = new Set<string>()
    await build({ ...functionBundle(name, dir, used), outfile })
    rmSync(join(dir, name, 'vendor'), { recursive: true, force: true })
    for (const pkg of used) {
      const target = join(dir, name, vendorFile(pkg))
      mkdirSync(join(target, '..'), { recursive: true })
      writeFileSync(target, vendored.get(pkg) ?? (await bundleVendor(pkg, vendored)))
    }
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
