// Which chunks a launch on one page needs: the entry's own, and those of the page and its companions.
import type { Chunk, Compilation } from 'webpack'

/** The chunks loaded on demand for the modules `requests` names (a page and what it starts beside it). */
export function landingChunks(compilation: Compilation, requests: string[]): Chunk[] {
  const chunks = new Set<Chunk>()
  for (const group of compilation.chunkGroups)
    if (group.origins.some((o) => requests.includes(o.request)))
      for (const chunk of group.chunks) if (!chunk.canBeInitial()) chunks.add(chunk)
  return [...chunks]
}
