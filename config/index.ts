import fs from 'node:fs'
import path from 'node:path'
import { defineConfig, type UserConfigExport } from '@tarojs/cli'
import TsconfigPathsPlugin from 'tsconfig-paths-webpack-plugin'
import devConfig from './dev'
import prodConfig from './prod'

// Every environment variable that changes the output must be part of the persistent cache name,
// or a stale cache serves the wrong build (see PLATFORM-NOTES).
const APP_ENV = ['TARO_APP_CLOUD_ENV', 'TARO_APP_API_BASE', 'TARO_APP_TMPL_PROGRESS', 'TARO_APP_TMPL_REPLY', 'TARO_APP_TMPL_BOOKING'] as const
const buildKey = ['TARO_ENV', 'NODE_ENV', ...APP_ENV]
  .map((name) => `${name}=${process.env[name] ?? ''}`)
  .join('&')

// Taro defines only the TARO_APP_* values found in .env files; these come from the shell
// (`TARO_APP_CLOUD_ENV=<env id> npm run build:weapp`), so define them here. An unset one becomes ''
// rather than a bare `process.env.X`, which does not exist inside the mini-program.
const appEnv = Object.fromEntries(APP_ENV.map((name) => [name, JSON.stringify(process.env[name] ?? '')]))

// Page configs (`src/**/index.config.ts`) are read outside webpack's module graph, so a change to
// one would not invalidate the persistent cache: list them as build dependencies.
function pageConfigFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) return pageConfigFiles(full)
    return /\.config\.ts$/.test(entry.name) ? [full] : []
  })
}

// The shared `types/` folder lives outside src/: Taro compiles only src/ unless told otherwise.
const compile = { include: [path.resolve(__dirname, '..', 'types')] }

export default defineConfig<'webpack5'>(async (merge) => {
  const isH5 = process.env.TARO_ENV === 'h5'
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'minyi',
    date: '2026-11-23',
    designWidth: 750,
    deviceRatio: { 640: 2.34 / 2, 750: 1, 375: 2, 828: 1.81 / 2 },
    sourceRoot: 'src',
    // h5 gets its own folder, otherwise each build wipes the other.
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    defineConstants: {},
    env: appEnv,
    copy: { patterns: [], options: {} },
    framework: 'react',
    compiler: 'webpack5',
    cache: {
      enable: true,
      buildDependencies: { config: [__filename], pages: pageConfigFiles(path.resolve(__dirname, '..', 'src')) },
      name: buildKey,
    },
    mini: {
      compile,
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
    h5: {
      compile,
      publicPath: '/',
      staticDirectory: 'static',
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false, config: { namingPattern: 'module', generateScopedName: '[name]__[local]___[hash:base64:5]' } },
      },
      webpackChain(chain) {
        chain.resolve.plugin('tsconfig-paths').use(TsconfigPathsPlugin)
      },
    },
  }
  if (process.env.NODE_ENV === 'development') return merge({}, baseConfig, devConfig)
  return merge({}, baseConfig, prodConfig)
})
