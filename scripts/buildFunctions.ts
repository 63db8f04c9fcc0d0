// Bundles each cloud function (entry + the shared core it imports) into
// cloudfunctions/<name>/index.js (the file the CloudBase runtime loads; git ignores it). The SDKs the CloudBase runtime installs from the
// function's package.json stay external. Fails if a bundle pulls in the local runtime (server/),
// which is where the development sign-in lives.
import path from 'node:path'
import fs from 'node:fs'
import { build } from 'esbuild'
import { CJK_FONT_FILE_NAMES, findCjkFont } from '../cloudfunctions/core/adapters/pdf/cjkFont'
import { functionNames } from './deploy/desired'

const root = path.resolve(__dirname, '..')
/** Every folder under cloudfunctions/ with a config.json, except `core` (the shared code). */
export const FUNCTIONS = functionNames(root)

/** Printed documents embed Noto Sans SC: each bundle carries it in `fonts/` (git ignores it). */
function copyCjkFont(functionDir: string) {
  const font = findCjkFont({})
  const dir = path.join(functionDir, 'fonts')
  fs.mkdirSync(dir, { recursive: true })
  const [regular, bold] = CJK_FONT_FILE_NAMES
  for (const [source, name] of [[font.regular, regular], [font.bold, bold]] as const) {
    const target = path.join(dir, name)
    if (!fs.existsSync(target) || fs.statSync(target).size !== fs.statSync(source).size) fs.copyFileSync(source, target)
  }
}

export async function buildFunction(name: string, outfile = path.join(root, 'cloudfunctions', name, 'index.js')) {
  const result = await build({
    entryPoints: [path.join(root, 'cloudfunctions', name, 'index.ts')],
    outfile,
    bundle: true,
    platform: 'node',
    target: 'node18',
    format: 'cjs',
    // @node-rs/jieba is a native module (word segmentation) and pdfkit reads its own data files at
    // run time: both are installed by the runtime from package.json; so is @napi-rs/canvas (Skia,
    // native, for poster previews).
    external: ['wx-server-sdk', '@cloudbase/node-sdk', '@node-rs/jieba', 'pdfkit', '@napi-rs/canvas', 'exceljs'],
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    // Smaller upload (1145 KB → ~725 KB for api); keepNames keeps stack traces in the function logs
    // readable. Cold load is dominated by the CloudBase SDKs, not by parsing (bench/bundles.ts).
    minify: true,
    keepNames: true,
    legalComments: 'none',
    sourcemap: false,
    logLevel: 'warning',
  })
  const inputs = Object.keys(result.metafile.inputs)
  const forbidden = inputs.filter((file) => file.startsWith('server/') || file.includes('@seald-io/nedb'))
  if (forbidden.length) throw new Error(`cloud function ${name} must not include local-runtime code: ${forbidden.join(', ')}`)
  const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0)
  copyCjkFont(path.dirname(outfile))
  return { name, inputs, bytes, outfile }
}

export async function buildAll() {
  const out = []
  for (const name of FUNCTIONS) out.push(await buildFunction(name))
  return out
}

async function main() {
  for (const built of await buildAll()) {
    console.log(`${built.name}: ${path.relative(root, built.outfile)} (${(built.bytes / 1024).toFixed(0)} KB, ${built.inputs.length} modules)`)
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
