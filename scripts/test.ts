// `npm test`: the typecheck and the lint run beside jest rather than before it (each is one busy
// core for half a minute, while jest's set-up builds the mini-program), so on two cores the whole
// check takes little longer than jest alone. A failed check stops jest; its output is printed whole.
// Arguments go to jest: `npm test -- test/unit`.
import { spawn, type ChildProcess } from 'node:child_process'
import { resolve } from 'node:path'

const ROOT = resolve(__dirname, '..')
const NPM = process.platform === 'win32' ? 'npm.cmd' : 'npm'

interface Outcome {
  name: string
  code: number
  output: string
}

/** Runs `npm run <script>`, its output kept to print in one piece once it has ended. */
function check(script: string): Promise<Outcome> {
  return new Promise((done) => {
    const child = spawn(NPM, ['run', '--silent', script], {
      cwd: ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let output = ''
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')))
    child.on('error', (error) => done({ name: script, code: 1, output: String(error) }))
    child.on('close', (code) => done({ name: script, code: code ?? 1, output }))
  })
}

/** Resolves with the exit code of `child` (1 when it was ended by a signal). */
function exitOf(child: ChildProcess): Promise<number> {
  return new Promise((done) => child.on('close', (code) => done(code ?? 1)))
}

async function main(): Promise<void> {
  // Its own process group, so that stopping it stops its workers (and their backends) too.
  const jest = spawn(
    process.execPath,
    [require.resolve('jest/bin/jest'), ...process.argv.slice(2)],
    {
      cwd: ROOT,
      stdio: 'inherit',
      detached: true,
    },
  )
  const jestExit = exitOf(jest)
  const stopJest = (signal: NodeJS.Signals): void => {
    try {
      process.kill(-jest.pid!, signal)
    } catch {
      // Already ended.
    }
  }
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.on(signal, () => {
      stopJest(signal)
      process.exit(1)
    })
  let failed = false
  const checks = ['typecheck', 'lint'].map(async (script) => {
    const outcome = await check(script)
    const verdict = outcome.code === 0 ? 'passed' : `FAILED (exit ${outcome.code})`
    process.stderr.write(`\n== npm run ${script}: ${verdict}\n${outcome.output}`)
    if (outcome.code !== 0 && !failed) {
      failed = true
      process.stderr.write('== stopping jest: a check failed\n')
      stopJest('SIGTERM')
    }
  })
  await Promise.all(checks)
  const jestCode = await jestExit
  process.exitCode = failed ? 1 : jestCode
}

void main()
