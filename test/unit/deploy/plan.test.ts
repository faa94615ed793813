// The deployment plan from the repository's own data, and a run against a fake environment.
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  writeFileSync,
} from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { deploy, parseArgs } from '../../../scripts/deploy/cli'
import { changes, makePlan, type Step } from '../../../scripts/deploy/plan'
import {
  readDesiredState,
  REPOSITORY,
  type RepositoryPaths,
} from '../../../scripts/deploy/repository'
import { emptyEnvironment } from '../../../scripts/deploy/state'
import { fakeEnvironment } from './fake-environment'

const ROOT = join(__dirname, '..', '..', '..')
const CREDENTIALS = { TENCENTCLOUD_SECRETID: 'AKID-test', TENCENTCLOUD_SECRETKEY: 'test-key' }

interface Declared {
  name: string
  indexes?: Array<{ name: string }>
  rules?: unknown
  triggers?: Array<{ name: string }>
}

/** What the repository declares, read straight from its files: `kind target` lines. */
function declaredInRepository(): string[] {
  const lines: string[] = []
  const collectionsDir = join(ROOT, 'database', 'collections')
  for (const file of readdirSync(collectionsDir).filter((f) => f.endsWith('.json'))) {
    const name = file.replace(/\.json$/, '')
    const spec = JSON.parse(readFileSync(join(collectionsDir, file), 'utf8')) as Declared
    lines.push(`collection ${name}`)
    for (const ix of spec.indexes ?? []) lines.push(`index ${name}.${ix.name}`)
    if (spec.rules) lines.push(`rule ${name}`)
  }
  const functionsDir = join(ROOT, 'cloudfunctions')
  for (const name of readdirSync(functionsDir)) {
    if (name.startsWith('_') || !existsSync(join(functionsDir, name, 'src', 'index.ts'))) continue
    lines.push(`function ${name}`)
    const config = JSON.parse(
      readFileSync(join(functionsDir, name, 'config.json'), 'utf8'),
    ) as Declared
    for (const t of config.triggers ?? []) lines.push(`trigger ${name}.${t.name}`)
  }
  return lines.sort()
}

const lineOf = (s: Step) => `${s.kind} ${s.target}`

/** A copy of the repository's deployable parts, with every function built and an H5 build. */
function builtCopy(): RepositoryPaths & { root: string } {
  const root = mkdtempSync(join(tmpdir(), 'woodpecker-deploy-'))
  cpSync(join(ROOT, 'database'), join(root, 'database'), { recursive: true })
  const functionsDir = join(ROOT, 'cloudfunctions')
  for (const name of readdirSync(functionsDir)) {
    if (name.startsWith('_') || !existsSync(join(functionsDir, name, 'src', 'index.ts'))) continue
    const dir = join(root, 'cloudfunctions', name)
    mkdirSync(join(dir, 'src'), { recursive: true })
    for (const file of ['config.json', 'package.json', 'src/index.ts']) {
      cpSync(join(functionsDir, name, file), join(dir, file))
    }
    writeFileSync(join(dir, 'index.js'), `exports.main = async () => '${name}'\n`)
  }
  mkdirSync(join(root, 'dist-h5', 'js'), { recursive: true })
  writeFileSync(join(root, 'dist-h5', 'index.html'), '<!doctype html><title>啄木鸟</title>')
  writeFileSync(join(root, 'dist-h5', 'js', 'app.js'), 'console.log(1)')
  return {
    root,
    databaseDir: join(root, 'database'),
    functionsDir: join(root, 'cloudfunctions'),
    h5Dir: join(root, 'dist-h5'),
  }
}

describe('deployment plan', () => {
  it('lists every collection, index, rule, function and trigger of the repository and nothing else', () => {
    const plan = makePlan(readDesiredState(REPOSITORY), emptyEnvironment())
    const planned = plan.steps
      .filter((s) => s.kind !== 'storage' && s.kind !== 'hosting')
      .map(lineOf)
      .sort()
    expect(planned).toEqual(declaredInRepository())
    expect(plan.steps.every((s) => s.action === 'create')).toBe(true)
    expect(plan.steps.filter((s) => s.kind === 'storage')).toHaveLength(1)
  })

  it('plans no change against an environment that already matches', () => {
    const copy = builtCopy()
    try {
      const desired = readDesiredState(copy)
      const plan = makePlan(desired, structuredClone(desired))
      expect(changes(plan)).toEqual([])
      expect(plan.steps.length).toBeGreaterThan(declaredInRepository().length)
    } finally {
      rmSync(copy.root, { recursive: true, force: true })
    }
  })

  it.each([
    ['an index with other keys', 'index tickets.due', 'update'],
    ['a rule that lets clients read', 'rule tickets', 'update'],
    ['another timeout', 'function notify', 'update'],
    ['another cron', 'trigger sla.sweep', 'update'],
    ['a missing collection', 'collection users', 'create'],
    ['an index the repository does not declare', 'index tickets.stale', 'extra'],
  ])('plans only the difference for %s', (_what, target, action) => {
    const copy = builtCopy()
    try {
      const desired = readDesiredState(copy)
      const current = structuredClone(desired)
      const tickets = current.collections.find((c) => c.name === 'tickets')!
      if (target === 'index tickets.due')
        tickets.indexes.find((i) => i.name === 'due')!.keys.reverse()
      if (target === 'rule tickets') tickets.rules = { read: true, write: false }
      if (target === 'function notify')
        current.functions.find((f) => f.name === 'notify')!.timeout = 3
      if (target === 'trigger sla.sweep')
        current.functions.find((f) => f.name === 'sla')!.triggers[0].config = '0 0 * * * * *'
      if (target === 'collection users')
        current.collections = current.collections.filter((c) => c.name !== 'users')
      if (target === 'index tickets.stale')
        tickets.indexes.push({ name: 'stale', keys: [{ field: 'x', direction: 1 }], unique: false })
      const plan = makePlan(desired, current)
      const different = plan.steps.filter((s) => s.action !== 'unchanged')
      const expected =
        target === 'collection users'
          ? plan.steps.filter((s) => s.target.startsWith('users')).length
          : 1
      expect(different.map(lineOf)).toContain(target)
      expect(different.find((s) => lineOf(s) === target)?.action).toBe(action)
      expect(different).toHaveLength(expected)
    } finally {
      rmSync(copy.root, { recursive: true, force: true })
    }
  })
})

describe('npm run deploy', () => {
  let copy: ReturnType<typeof builtCopy>
  beforeEach(() => {
    copy = builtCopy()
  })
  afterEach(() => rmSync(copy.root, { recursive: true, force: true }))

  it('creates everything in an empty environment, then a second run changes nothing', async () => {
    const env = fakeEnvironment()
    const out: string[] = []
    const deps = {
      paths: copy,
      open: () => env,
      build: async () => {},
      out: (l: string) => out.push(l),
    }
    const left = await deploy(['--env', 'hospital-1'], CREDENTIALS, deps)
    expect(left).toBe(0)
    const declared = declaredInRepository()
    expect(env.writes.filter((w) => w.startsWith('createCollection'))).toHaveLength(
      declared.filter((l) => l.startsWith('collection ')).length,
    )
    expect(env.writes.filter((w) => w.startsWith('createFunction'))).toHaveLength(
      declared.filter((l) => l.startsWith('function ')).length,
    )
    expect(env.writes).toContain('setStorageRule')
    expect(env.writes).toContain('uploadHosting 2')
    expect(out).toContain('完成：环境与仓库一致 / done: the environment matches the repository')

    const writes = env.writes.length
    const second = await deploy(['--env', 'hospital-1'], CREDENTIALS, { ...deps, out: () => {} })
    expect(second).toBe(0)
    expect(env.writes).toHaveLength(writes)
    const dry = await deploy(['--env', 'hospital-1', '--dry-run'], CREDENTIALS, {
      ...deps,
      out: () => {},
    })
    expect(dry).toBe(0)
  })

  it('uploads only a changed function and keeps variables set in the console', async () => {
    const env = fakeEnvironment()
    const deps = { paths: copy, open: () => env, build: async () => {}, out: () => {} }
    await deploy(['--env', 'hospital-1'], CREDENTIALS, deps)
    env.state.functions.find((f) => f.name === 'notify')!.env.SMS_SIGN_NAME = '啄木鸟'
    writeFileSync(join(copy.functionsDir, 'notify', 'index.js'), 'exports.main = async () => 2\n')
    const before = env.writes.length
    expect(await deploy(['--env', 'hospital-1'], CREDENTIALS, deps)).toBe(0)
    expect(env.writes.slice(before)).toEqual([
      'updateFunctionCode notify',
      'updateFunctionConfig notify',
    ])
    expect(env.state.functions.find((f) => f.name === 'notify')!.env.SMS_SIGN_NAME).toBe('啄木鸟')
  })

  it('plans a dry run without credentials against an empty environment and writes nothing', async () => {
    const out: string[] = []
    const open = jest.fn()
    const planned = await deploy(
      ['--dry-run', '--env', 'test'],
      {},
      { paths: copy, open, out: (l) => out.push(l) },
    )
    expect(open).not.toHaveBeenCalled()
    expect(planned).toBeGreaterThan(declaredInRepository().length)
    expect(out[0]).toContain('no credentials: assuming an empty environment')
    expect(out.some((l) => l.includes('事件类型 wxa_media_check，云函数 media'))).toBe(true)
  })

  it('refuses a real run without credentials, naming the variables', async () => {
    const build = jest.fn()
    await expect(
      deploy(['--env', 'test'], {}, { paths: copy, build, out: () => {} }),
    ).rejects.toThrow(/TENCENTCLOUD_SECRETID 和 TENCENTCLOUD_SECRETKEY/)
    expect(build).not.toHaveBeenCalled()
  })

  it.each([
    [[], /缺少 --env/],
    [['--env'], /缺少 --env/],
    [['--env', 'a b'], /--env 只能是字母/],
    [['--env', 'x', '--force'], /未知参数 --force/],
  ])('rejects the arguments %j', (argv, message) => {
    expect(() => parseArgs(argv)).toThrow(message)
  })
})
