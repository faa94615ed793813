// Which chunks a launch on one page loads on demand: those of the page and of the modules it starts
// beside it (the entry's own chunks are the entrypoint's).
import type { Chunk, Compilation } from 'webpack'

/** The on-demand chunks of `page` (as the router imports it) and of the modules `alongside` it. */
export function landingChunks(
  compilation: Compilation,
  page: string,
  alongside: string[],
): Chunk[] {
  const requests = [`./${page}`, ...alongside]
  const chunks = new Set<Chunk>()
  for (const group of compilation.chunkGroups)
    if (group.origins.some((o) => requests.includes(o.request)))
      for (const chunk of group.chunks) if (!chunk.canBeInitial()) chunks.add(chunk)
  return [...chunks]
}
