// A webpack plugin for the H5 build: a QR scan lands on one page, so index.html starts fetching
// that page's chunks while the app's own script is still loading and starting, instead of after
// it (when the router asks for them). Only for a launch on that page: its hash names it, or none.
import HtmlWebpackPlugin from 'html-webpack-plugin'
import type { Compiler } from 'webpack'
import { landingChunks } from './landing-chunks'

const NAME = 'LandingPreloadPlugin'

/** The inline script that preloads `files` when the app is opened on `page` (hash routing). */
function preloadScript(page: string, files: string[]): string {
  return `(function(){var p=location.hash.replace(/^#\\/?/,'').split('?')[0];if(p&&p!==${JSON.stringify(page)})return;${JSON.stringify(files)}.forEach(function(f){var l=document.createElement('link');l.rel='preload';l.fetchPriority='low';l.as=/\\.css$/.test(f)?'style':'script';l.href=f;document.head.appendChild(l)})})()`
}

/** Preloads `page`'s chunks, and those of the modules `alongside` it, for a launch on `page`. */
export class LandingPreloadPlugin {
  constructor(
    private readonly page: string,
    private readonly alongside: string[],
  ) {}

  /** Adds the inline script to index.html once the chunks' file names are known. */
  apply(compiler: Compiler): void {
    compiler.hooks.compilation.tap(NAME, (compilation) => {
      HtmlWebpackPlugin.getHooks(compilation).alterAssetTagGroups.tap(NAME, (data) => {
        const base = String(compilation.outputOptions.publicPath ?? '/')
        const files = new Set<string>()
        for (const chunk of landingChunks(compilation, this.page, this.alongside))
          for (const file of chunk.files) if (/\.(js|css)$/.test(file)) files.add(base + file)
        if (files.size === 0) return data
        data.headTags.unshift({
          tagName: 'script',
          voidTag: false,
          meta: { plugin: NAME },
          attributes: {},
          innerHTML: preloadScript(this.page, [...files]),
        })
        return data
      })
    })
  }
}
