// Taro build configuration: one code base, `--type weapp` → dist/, `--type h5` → dist-h5/.
import { resolve } from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import devConfig from './dev'
import prodConfig from './prod'
import { BundleStatsPlugin } from './bundle-stats'
import { LandingPreloadPlugin } from './landing-preload'
import { CompileHintsPlugin } from './compile-hints'

/** The H5 build's `@tarojs/components`: Taro's own, with View and Text from its React set. */
const H5_COMPONENTS = resolve(__dirname, '..', 'src', 'components', 'h5-taro-components.ts')

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  // types/ (the contract shared with the cloud functions) lives outside src/ and must be compiled too.
  const compile = { include: [resolve(__dirname, '..', 'types')] }
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'woodpecker',
    date: '2026-11-24',
    // NutUI is drawn for a 375 design; our own styles for 750.
    designWidth(input) {
      const file =
        typeof input === 'object' && input ? (input as { file?: string }).file : undefined
      return file?.replace(/\\+/g, '/').includes('@nutui') ? 375 : 750
    },
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: ['@tarojs/plugin-html'],
    // The build switch for deployment: an H5 build given TARO_APP_CLOUDBASE_ENV signs in and calls
    // functions through CloudBase's web SDK in that environment; without it, the local demo.
    defineConstants: {
      'process.env.TARO_APP_CLOUDBASE_ENV': JSON.stringify(
        isH5 ? (process.env.TARO_APP_CLOUDBASE_ENV ?? '') : '',
      ),
    },
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    // The H5 app is minified by esbuild (several times faster than terser: the first `npm start`
    // waits for it); the weapp keeps terser, whose smaller output counts against WeChat's 2 MB.
    ...(isH5
      ? {
          jsMinimizer: 'esbuild' as const,
          esbuild: { minify: { enable: true, config: { target: 'es2017' } } },
        }
      : {}),
    mini: {
      compile,
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: { selectorBlackList: ['nut-'] } },
        cssModules: { enable: false },
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[chunkhash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[chunkhash].css',
      },
      webpackChain(chain) {
        // A scan opens the report page: its chunks (and the input check's) start with the app's.
        const landing = 'pages/report/index'
        const alongside = ['./input-check']
        chain.plugin('landing-preload').use(LandingPreloadPlugin, [landing, alongside])
        // The scripts of such a launch are compiled while they download.
        chain.plugin('compile-hints').use(CompileHintsPlugin, [landing, alongside])
        // View and Text as plain elements (Taro's React components) rather than Web Components:
        // a page's first frame creates dozens of them. Every other component stays as it was.
        chain.resolve.alias.set('@tarojs/components$', H5_COMPONENTS)
        // WOODPECKER_BUNDLE_STATS=<file> writes webpack's stats (chunks, modules, sizes) for analysis.
        const statsFile = process.env.WOODPECKER_BUNDLE_STATS
        if (statsFile) chain.plugin('bundle-stats').use(BundleStatsPlugin, [statsFile])
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  }
  return process.env.NODE_ENV === 'development'
    ? merge({}, baseConfig, devConfig)
    : merge({}, baseConfig, prodConfig)
})
