// Fuzzing every client action through the real functions with a fixed seed: hostile JSON (types,
// lengths, nesting, unicode, operator-shaped values, prototype keys) never crashes a function, never
// writes, and never answers `internal`. Runs per action: FUZZ_RUNS, 1,000 by default (about 90 s
// for all actions on this 2-core machine). The actions are dealt into shards (test/functions/
// fuzz-*.test.ts), so jest's workers run them side by side.
import { existsSync } from 'node:fs'
import { join } from 'node:path'
import fc from 'fast-check'
import { api } from '../../../types/api'
import { startBackend, type Backend } from './backend'
import { inputsFor } from './fuzz-inputs'
import { postToFunction } from './post'
import { settledFingerprint, storeFingerprint } from './snapshot'

const RUNS = Number(process.env.FUZZ_RUNS ?? 1000)
const SEED = 20261125
const CALLERS = ['demo-staff', 'demo-safety', 'demo-floor-captain', '', 'o-stranger']

// admin.posters: an empty input from the safety office is a valid request for the whole hospital's
// 111-page PDF (seconds each); its bad input is covered by the admin tests (org-admin.test.ts).
const SLOW_WHEN_VALID = new Set(['admin.posters'])
const actions = Object.entries(api)
  .flatMap(([fn, spec]) =>
    Object.entries(spec as Record<string, { input: import('zod').ZodTypeAny }>).map(
      ([action, { input }]) => ({ fn, action, input }),
    ),
  )
  .filter((a) => !SLOW_WHEN_VALID.has(`${a.fn}.${a.action}`))

/** How many fuzz-<n>.test.ts files the actions are dealt into. */
export const FUZZ_SHARDS = 4

/** Fuzzes shard `shard` (1…FUZZ_SHARDS) of the actions: every FUZZ_SHARDS-th, from the shard's own. */
export function describeFuzzShard(shard: number): void {
  const mine = actions.filter((_, i) => i % FUZZ_SHARDS === shard - 1)
  jest.setTimeout(30 * 60_000)
  describe(`fuzz ${shard}/${FUZZ_SHARDS}: ${RUNS} inputs per action, seed ${SEED}`, () => {
    let b: Backend
    beforeAll(async () => {
      b = await startBackend({ seed: true })
      // Warm every function's workers first: a cold start under load is not what is being tested.
      for (const fn of Object.keys(api))
        await Promise.all(
          [0, 1, 2].map(() => b.callAs('demo-staff', fn, '__warm__', {}).catch(() => undefined)),
        )
    }, 120_000)
    afterAll(() => b.stop())

    if (shard === 1)
      it(`the ${FUZZ_SHARDS} shard files deal out every action`, () => {
        const file = (n: number) => join(__dirname, '..', `fuzz-${n}.test.ts`)
        const present = Array.from({ length: FUZZ_SHARDS + 1 }, (_, i) => existsSync(file(i + 1)))
        expect(present).toEqual([...Array<boolean>(FUZZ_SHARDS).fill(true), false])
      })

    it.each(mine.map((a) => [`${a.fn}.${a.action}`, a] as const))(
      '%s: 0 crashes, 0 writes, 0 internal answers',
      async (_name, { fn, action, input }) => {
        const samples = fc.sample(fc.tuple(inputsFor(input), fc.constantFrom(...CALLERS)), {
          numRuns: RUNS,
          seed: SEED,
        })
        // Let what an earlier accepted input set off (a photo check's callback) land first.
        const before = await settledFingerprint(b)
        const failures: string[] = []
        // An input that happens to be valid, from a caller allowed to act, may write (an admin's
        // save is a save); every refusal must leave the store as it was.
        let accepted = 0
        let next = 0
        const worker = async () => {
          while (next < samples.length) {
            const [value, caller] = samples[next++]
            const body = JSON.stringify({ action, input: value })
            const send = () => postToFunction(b.url, fn, caller, body)
            let res = await send()
            // A shared CI machine can starve a worker past its timeout once; an input that hangs a
            // function does so every time.
            if (res.status === 504) res = await send()
            const text = res.text
            let env: { ok?: unknown; code?: unknown } | undefined
            try {
              env = JSON.parse(text)
            } catch {
              env = undefined
            }
            if (env?.ok === true) accepted++
            if (
              res.status !== 200 ||
              !env ||
              typeof env.ok !== 'boolean' ||
              env.code === 'internal'
            )
              failures.push(
                `${res.status} ${text.slice(0, 160)} ← as "${caller}": ${body.slice(0, 300)}`,
              )
          }
        }
        await Promise.all([worker(), worker(), worker()])
        expect(failures.slice(0, 5)).toEqual([])
        if (accepted === 0) expect(storeFingerprint(b.emulator)).toBe(before)
      },
    )
  })
}
