// Bundles each cloud function (entry + the shared core it imports) into
// cloudfunctions/<name>/index.js (the file the CloudBase runtime loads; git ignores it). The SDKs the CloudBase runtime installs from the
// function's package.json stay external. Fails if a bundle pulls in the local runtime (server/),
// which is where the development sign-in lives.
import path from 'node:path'
import fs from 'node:fs'
import { build } from 'esbuild'
import { CJK_FONT_FILE_NAMES, findCjkFont } from '../cloudfunctions/core/adapters/pdf/cjkFont'

export const FUNCTIONS = ['api', 'timer', 'open311'] as const
const root = path.resolve(__dirname, '..')

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
    // run time: both are installed by the runtime from package.json.
    external: ['wx-server-sdk', '@cloudbase/node-sdk', '@node-rs/jieba', 'pdfkit'],
    tsconfig: path.join(root, 'tsconfig.json'),
    metafile: true,
    minify: false,
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

async function main() {
  for (const name of FUNCTIONS) {
    const built = await buildFunction(name)
    console.log(`${built.name}: ${path.relative(root, built.outfile)} (${(built.bytes / 1024).toFixed(0)} KB, ${built.inputs.length} modules)`)
  }
}

if (require.main === module) {
  main().catch((error) => {
    console.error(error)
    process.exit(1)
  })
}
