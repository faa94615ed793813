// A webpack plugin for the H5 build: the scripts a launch on one page runs (the app's own and that
// page's chunks) open with V8's compile hint, so Chrome compiles their functions on a background
// thread while they download, rather than one at a time on the main thread as the page first calls
// them. Browsers without the hint read it as a comment.
import type { Compiler } from 'webpack'
import { landingChunks } from './landing-chunks'

const NAME = 'CompileHintsPlugin'
/** V8's magic comment (Chrome 136 and later); it counts only as a file's first line. */
const HINT = '//# allFunctionsCalledOnLoad\n'

/** Marks the entry's scripts, `page`'s and those of the modules `alongside` it for eager compilation. */
export class CompileHintsPlugin {
  constructor(
    private readonly page: string,
    private readonly alongside: string[],
  ) {}

  /** Prepends the hint once the scripts are minified (a minifier would drop the comment). */
  apply(compiler: Compiler): void {
    const { Compilation, sources } = compiler.webpack
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: NAME, stage: Compilation.PROCESS_ASSETS_STAGE_OPTIMIZE_SIZE + 1 },
        () => {
          const initial = [...compilation.entrypoints.values()].flatMap((e) => e.chunks)
          for (const chunk of [
            ...initial,
            ...landingChunks(compilation, this.page, this.alongside),
          ])
            for (const file of chunk.files)
              if (file.endsWith('.js'))
                compilation.updateAsset(file, (old) => new sources.ConcatSource(HINT, old))
        },
      )
    })
  }
}
