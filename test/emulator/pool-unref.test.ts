// A running invocation never keeps its process alive: a test process ends when its tests do, even
// while its shared backend's function workers are still busy.
import { spawn } from 'node:child_process'
import { join, resolve } from 'node:path'
import { SPAWN_BUDGET_MS } from './helpers/child'

const ROOT = resolve(__dirname, '..', '..')

it(
  'a process whose only work left is a running invocation exits without waiting for it',
  async () => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'fixtures', 'left-running.ts')],
      { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] },
    )
    let out = ''
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString('utf8')))
    const code = await new Promise<number | null>((done) => child.once('exit', done))
    // The fixture's function never finishes; its timeout (1 s) would end it, were the process kept.
    expect({ code, out }).toEqual({ code: 0, out: 'invoked\n' })
  },
  SPAWN_BUDGET_MS,
)
