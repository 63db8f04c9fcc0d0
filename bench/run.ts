// Runs every benchmark in bench/ (each file exports `run(): Promise<Record<string, number | string>>`)
// in turn and prints its figures as `name=value` lines. `npm run bench -- similar` runs only the
// files whose name contains one of the given words.
import fs from 'node:fs'
import path from 'node:path'

type Bench = { run?: () => Promise<Record<string, number | string>> }

async function main() {
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'))
  const files = fs
    .readdirSync(__dirname)
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts') && f !== 'run.ts')
    .filter((f) => !only.length || only.some((word) => f.includes(word)))
    .sort()
  let failed = 0
  for (const file of files) {
    const name = path.basename(file, '.ts')
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const bench = require(path.join(__dirname, file)) as Bench
    if (typeof bench.run !== 'function') continue
    console.log(`# ${name}`)
    const started = Date.now()
    try {
      const figures = await bench.run()
      for (const [key, value] of Object.entries(figures)) console.log(`${key}=${value}`)
      console.log(`# ${name} took ${((Date.now() - started) / 1000).toFixed(1)} s`)
    } catch (error) {
      failed += 1
      console.error(`# ${name} failed:`, error)
    }
  }
  if (failed) process.exitCode = 1
}

main()
