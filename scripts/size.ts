// Prints the weapp package sizes from dist/ (run `npm run build:weapp` first, `npm run size` does):
// the main package (everything not inside a subpackage root) and the total. WeChat's limits are
// 2 MB per package and 20 MB in all; this project keeps the main package under 1.2 MB.
import fs from 'node:fs'
import path from 'node:path'

const dist = path.resolve(__dirname, '..', 'dist')
const MAIN_BUDGET = 1.2 * 1024 * 1024

function walk(dir: string): Array<{ file: string; bytes: number }> {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name)
    return entry.isDirectory() ? walk(full) : [{ file: path.relative(dist, full), bytes: fs.statSync(full).size }]
  })
}

function subpackageRoots(): string[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as {
    subPackages?: Array<{ root: string }>
    subpackages?: Array<{ root: string }>
  }
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((p) => p.root.replace(/\/?$/, '/'))
}

if (!fs.existsSync(path.join(dist, 'app.json'))) {
  console.error('dist/app.json not found: run `npm run build:weapp` first')
  process.exit(1)
}
// Only what WeChat uploads counts: source maps and license notes are not part of a package.
const files = walk(dist).filter((f) => !/\.(map|LICENSE\.txt)$/.test(f.file) && f.file !== 'project.config.json')
const roots = subpackageRoots()
const kb = (bytes: number) => (bytes / 1024).toFixed(1)
let main = 0
const sub: Record<string, number> = {}
for (const f of files) {
  const root = roots.find((r) => f.file.startsWith(r))
  if (root) sub[root] = (sub[root] ?? 0) + f.bytes
  else main += f.bytes
}
const total = files.reduce((sum, f) => sum + f.bytes, 0)
console.log(`main_package_kb=${kb(main)}`)
for (const [root, bytes] of Object.entries(sub)) console.log(`subpackage_${root.replace(/\/$/, '')}_kb=${kb(bytes)}`)
console.log(`total_kb=${kb(total)}`)
const largest = files.filter((f) => !roots.some((r) => f.file.startsWith(r))).sort((a, b) => b.bytes - a.bytes).slice(0, 5)
console.log(`largest main-package files: ${largest.map((f) => `${f.file} ${kb(f.bytes)} KB`).join(', ')}`)
if (main > MAIN_BUDGET) {
  console.error(`main package ${kb(main)} KB is over the ${kb(MAIN_BUDGET)} KB budget`)
  process.exit(1)
}
