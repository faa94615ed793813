// Decides whether a build output is older than its sources, so `npm start` rebuilds only what changed.
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join } from 'node:path'

/** The newest mtime of any file under the given paths (skipping node_modules and build output). */
export function newestMtime(
  paths: string[],
  skip: (name: string) => boolean = () => false,
): number {
  let newest = 0
  const walk = (path: string): void => {
    if (!existsSync(path)) return
    const st = statSync(path)
    if (st.isDirectory()) {
      for (const entry of readdirSync(path)) {
        if (entry === 'node_modules' || skip(entry)) continue
        walk(join(path, entry))
      }
    } else {
      newest = Math.max(newest, st.mtimeMs)
    }
  }
  paths.forEach(walk)
  return newest
}

/** True when `output` is missing or older than the newest source. */
export function isStale(
  output: string,
  sources: string[],
  skip?: (name: string) => boolean,
): boolean {
  if (!existsSync(output)) return true
  return statSync(output).mtimeMs < newestMtime(sources, skip)
}
