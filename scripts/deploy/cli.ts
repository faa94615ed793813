// `npm run deploy -- --env <envId> [--dry-run] [--skip-hosting]`: plans a CloudBase environment
// from the repository's data, prints the plan and the console-only checklist, and applies it.
import { z } from 'zod'
import { buildFunctions } from '../build-functions'
import { applyPlan } from './apply'
import { consoleChecklist } from './checklist'
import { cloudbaseEnvironment, type Credentials } from './cloudbase'
import type { ManagedEnvironment } from './environment'
import { changes, makePlan } from './plan'
import { describePlan, describeStep } from './print'
import { readDesiredState, REPOSITORY, type DesiredState, type RepositoryPaths } from './repository'
import { emptyEnvironment, type EnvironmentState } from './state'

const Args = z.object({
  env: z
    .string({ required_error: '缺少 --env <环境 ID> / missing --env <envId>' })
    .regex(
      /^[a-z0-9-]{1,64}$/i,
      '--env 只能是字母、数字和连字符 / --env must be letters, digits, -',
    ),
  dryRun: z.boolean(),
  skipHosting: z.boolean(),
})

type Args = z.infer<typeof Args>

/** Parses the command line; throws a Chinese and English message naming what is wrong. */
export function parseArgs(argv: string[]): Args {
  const raw: Record<string, unknown> = { dryRun: false, skipHosting: false }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    if (arg === '--dry-run') raw.dryRun = true
    else if (arg === '--skip-hosting') raw.skipHosting = true
    else if (arg === '--env') raw.env = argv[++i]
    else if (arg.startsWith('--env=')) raw.env = arg.slice('--env='.length)
    else throw new Error(`未知参数 ${arg} / unknown argument ${arg}`)
  }
  const parsed = Args.safeParse(raw)
  if (!parsed.success) throw new Error(parsed.error.issues.map((i) => i.message).join('\n'))
  return parsed.data
}

/** The API key from the environment variables, if both parts are set. */
export function credentialsFromEnv(
  env: Record<string, string | undefined>,
): Credentials | undefined {
  const secretId = env.TENCENTCLOUD_SECRETID
  const secretKey = env.TENCENTCLOUD_SECRETKEY
  if (!secretId || !secretKey) return undefined
  return { secretId, secretKey, token: env.TENCENTCLOUD_SESSIONTOKEN || undefined }
}

const MISSING_CREDENTIALS = [
  '缺少腾讯云 API 密钥：请设置环境变量 TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY',
  '（临时密钥另设 TENCENTCLOUD_SESSIONTOKEN），或加 --dry-run 只查看计划。',
  'Missing Tencent Cloud credentials: set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY',
  '(and TENCENTCLOUD_SESSIONTOKEN for a temporary key), or add --dry-run to only see the plan.',
].join('\n')

export interface DeployDeps {
  paths: RepositoryPaths
  /** Opens the environment; the default uses the official management client. */
  open: (envId: string, credentials: Credentials) => ManagedEnvironment
  /** Builds the functions before a real run. */
  build: () => Promise<void>
  out: (line: string) => void
}

const DEFAULT_DEPS: DeployDeps = {
  paths: REPOSITORY,
  open: cloudbaseEnvironment,
  build: async () => {
    await buildFunctions({ quiet: true })
  },
  out: (line) => console.log(line),
}

/** Runs the command; returns the number of changes planned (dry run) or left after applying. */
export async function deploy(
  argv: string[],
  processEnv: Record<string, string | undefined>,
  deps: Partial<DeployDeps> = {},
): Promise<number> {
  const { paths, open, build, out } = { ...DEFAULT_DEPS, ...deps }
  const args = parseArgs(argv)
  const credentials = credentialsFromEnv(processEnv)
  if (!args.dryRun && !credentials) throw new Error(MISSING_CREDENTIALS)
  if (!args.dryRun) await build()

  const desired = withoutHosting(readDesiredState(paths), args.skipHosting)
  const env = credentials ? open(args.env, credentials) : undefined
  const current = env ? await readCurrent(env, desired) : emptyEnvironment()
  const plan = makePlan(desired, current)
  out(
    `部署计划 / deployment plan — ${args.env}` +
      (env ? '' : '（无密钥：假定为空环境 / no credentials: assuming an empty environment）'),
  )
  for (const line of describePlan(plan)) out(line)
  out('')
  for (const line of consoleChecklist(paths, args.env)) out(line)

  if (args.dryRun || !env) return changes(plan).length
  out('')
  out('部署中 / applying:')
  await applyPlan(env, plan, desired, (step) => out(`${describeStep(step)}  ✓`))
  const after = makePlan(desired, await readCurrent(env, desired))
  const left = changes(after)
  out(
    left.length === 0
      ? '完成：环境与仓库一致 / done: the environment matches the repository'
      : `仍有 ${left.length} 处差异 / ${left.length} differences remain:`,
  )
  for (const step of left) out(describeStep(step))
  return left.length
}

function readCurrent(env: ManagedEnvironment, desired: DesiredState): Promise<EnvironmentState> {
  return env.readState(
    desired.collections.map((c) => c.name),
    desired.functions.map((f) => f.name),
  )
}

/** With --skip-hosting the plan neither compares nor uploads the H5 build. */
function withoutHosting(desired: DesiredState, skip: boolean): DesiredState {
  return skip ? { ...desired, hosting: [] } : desired
}

if (require.main === module) {
  deploy(process.argv.slice(2), process.env)
    .then((left) => process.exit(left > 0 && !process.argv.includes('--dry-run') ? 1 : 0))
    .catch((error: unknown) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
