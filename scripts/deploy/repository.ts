// Reads what the repository asks an environment to hold: database/ (collections, indexes, rules,
// the storage rule), cloudfunctions/*/config.json and the built folders, and the H5 build.
import { createHash } from 'node:crypto'
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { z } from 'zod'
import { loadCollectionSpecs } from '../../emulator/src/database/schema'
import { readFunctionConfig } from '../../emulator/src/functions/pool'
import { listFunctions } from '../build-functions'
import type {
  CollectionState,
  EnvironmentState,
  FunctionState,
  HostedFile,
  SecurityRule,
} from './state'

/** Where the repository keeps each part a deployment reads. */
export interface RepositoryPaths {
  databaseDir: string
  functionsDir: string
  h5Dir: string
}

const ROOT = resolve(__dirname, '..', '..')

/** The paths of this checkout. */
export const REPOSITORY: RepositoryPaths = {
  databaseDir: join(ROOT, 'database'),
  functionsDir: join(ROOT, 'cloudfunctions'),
  h5Dir: join(ROOT, 'dist-h5'),
}

/** Folders of a function folder that are never uploaded (sources are bundled into index.js). */
const NOT_UPLOADED = new Set(['src', 'node_modules'])

export interface DesiredFunction extends FunctionState {
  /** The folder uploaded as the function's code. */
  dir: string
  /** False until `npm run build:functions` has written index.js. */
  built: boolean
  files: string[]
}

export interface DesiredState extends EnvironmentState {
  functions: DesiredFunction[]
  storageRule: SecurityRule
  /** Where the hosted files come from (`hosting` is undefined when it is not built). */
  h5Dir: string
}

const Rule = z.record(z.union([z.boolean(), z.string()]))
const FunctionEnv = z.object({ envVariables: z.record(z.string()).default({}) }).passthrough()

/** Everything the repository declares, as the state an environment should reach. */
export function readDesiredState(paths: RepositoryPaths = REPOSITORY): DesiredState {
  return {
    collections: readCollections(paths.databaseDir),
    functions: listFunctions(paths.functionsDir).map((name) =>
      readFunction(join(paths.functionsDir, name), name),
    ),
    storageRule: readStorageRule(paths.databaseDir),
    hosting: existsSync(paths.h5Dir) ? readHostedFiles(paths.h5Dir) : undefined,
    h5Dir: paths.h5Dir,
  }
}

function readCollections(databaseDir: string): CollectionState[] {
  return loadCollectionSpecs(databaseDir).map((spec) => ({
    name: spec.name,
    indexes: spec.indexes.map((ix) => ({
      name: ix.name,
      keys: Object.entries(ix.keys).map(([field, dir]) => ({
        field,
        direction: dir === -1 ? -1 : 1,
      })),
      unique: Boolean(ix.unique),
    })),
    rules: spec.rules === undefined ? undefined : Rule.parse(spec.rules),
  }))
}

function readStorageRule(databaseDir: string): SecurityRule {
  const path = join(databaseDir, 'storage-rules.json')
  return Rule.parse(JSON.parse(readFileSync(path, 'utf8')))
}

function readFunction(dir: string, name: string): DesiredFunction {
  const config = readFunctionConfig(dir)
  const raw = FunctionEnv.parse(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8')))
  const built = existsSync(join(dir, 'index.js'))
  const files = built ? listFiles(dir, NOT_UPLOADED) : []
  return {
    name,
    timeout: config.timeout,
    env: raw.envVariables,
    triggers: config.triggers.map((t) => ({ name: t.name, type: t.type, config: t.config })),
    codeDigest: built ? digest(dir, files) : undefined,
    dir,
    built,
    files,
  }
}

function readHostedFiles(dir: string): HostedFile[] {
  return listFiles(dir).map((key) => ({
    key,
    md5: createHash('md5')
      .update(readFileSync(join(dir, key)))
      .digest('hex'),
  }))
}

/** Every file under `dir` (but top-level folders in `skip`), as sorted `/`-separated paths. */
function listFiles(dir: string, skip = new Set<string>()): string[] {
  const out: string[] = []
  const walk = (at: string): void => {
    for (const entry of readdirSync(at)) {
      if (at === dir && skip.has(entry)) continue
      const path = join(at, entry)
      if (statSync(path).isDirectory()) walk(path)
      else out.push(relative(dir, path).split(sep).join('/'))
    }
  }
  walk(dir)
  return out.sort()
}

/** A short digest of a function's uploaded files (paths and contents). */
function digest(dir: string, files: string[]): string {
  const hash = createHash('sha256')
  for (const file of files) {
    hash
      .update(file)
      .update('\0')
      .update(readFileSync(join(dir, file)))
      .update('\0')
  }
  return hash.digest('hex').slice(0, 16)
}
