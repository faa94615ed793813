// Spawned emulators: wait for what the child itself prints, within an explicit budget, never a guess.
import type { ChildProcess } from 'node:child_process'
import { createInterface } from 'node:readline'

/** How long a child started with `node --import tsx` may take to print its line on a loaded 2-core machine. */
export const SPAWN_BUDGET_MS = 60_000

/**
 * Calls `onLine` with each line of the child's stdout until it answers true; resolves then, rejects
 * if the child exits first or the budget runs out (naming what was awaited).
 */
export function untilLine(
  child: ChildProcess,
  what: string,
  onLine: (line: string) => boolean,
  budgetMs = SPAWN_BUDGET_MS,
): Promise<void> {
  return new Promise<void>((ok, fail) => {
    const lines = createInterface({ input: child.stdout! })
    const timer = setTimeout(() => finish(new Error(`no ${what} within ${budgetMs} ms`)), budgetMs)
    const onExit = (code: number | null): void =>
      finish(new Error(`the child exited (${code}) before ${what}`))
    const finish = (error?: Error): void => {
      clearTimeout(timer)
      child.off('exit', onExit)
      lines.removeAllListeners('line')
      if (error) fail(error)
      else ok()
    }
    child.once('exit', onExit)
    lines.on('line', (line) => {
      if (onLine(line)) finish()
    })
  })
}
