// A webpack plugin that writes each chunk's files, origins and modules (with their sizes) to a JSON file.
import { writeFileSync } from 'node:fs'
import type { Compiler, Module } from 'webpack'

interface ModuleRow {
  name: string
  size: number
}

/** The modules a module stands for: a concatenated module's parts, or itself. */
function partsOf(module: Module): Module[] {
  const inner = (module as Module & { modules?: Module[] }).modules
  return inner?.length ? inner.flatMap(partsOf) : [module]
}

/** Writes the chunks of each H5 build for bundle analysis. */
export class BundleStatsPlugin {
  constructor(private readonly file: string) {}

  /** Hooks into the compilation's `afterSeal` step, when chunks are final. */
  apply(compiler: Compiler): void {
    compiler.hooks.afterEmit.tap('BundleStatsPlugin', (compilation) => {
      const root = compiler.context
      const name = (m: Module): string => m.readableIdentifier(compilation.requestShortener)
      const chunks = [...compilation.chunks].map((chunk) => {
        const modules: ModuleRow[] = compilation.chunkGraph
          .getChunkModules(chunk)
          .flatMap(partsOf)
          .map((m) => ({ name: name(m), size: m.size() }))
        const origins = [...chunk.groupsIterable].flatMap((g) =>
          g.origins.map((o) => o.request ?? ''),
        )
        return {
          id: chunk.id,
          names: chunk.name,
          initial: chunk.canBeInitial(),
          files: [...chunk.files],
          origins,
          size: modules.reduce((sum, m) => sum + m.size, 0),
          modules,
        }
      })
      writeFileSync(this.file, JSON.stringify({ root, chunks }))
    })
  }
}
