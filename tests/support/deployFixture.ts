// A copy of what the deploy reads from the repository (deploy/collections.json and each
// function's config.json and package.json), with small stand-in bundles, in a temporary folder:
// deploy tests can change it freely and need no build.
import { randomBytes } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

const repo = path.resolve(__dirname, '../..')

export interface DeployFixture {
  root: string
  functions: string[]
  write(rel: string, text: string): void
  readJson<T>(rel: string): T
  cleanup(): void
}

export function strongKey(): string {
  return randomBytes(32).toString('hex')
}

export function makeDeployFixture(): DeployFixture {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-deploy-'))
  const write = (rel: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true })
    fs.writeFileSync(path.join(root, rel), text)
  }
  write('deploy/collections.json', fs.readFileSync(path.join(repo, 'deploy/collections.json'), 'utf8'))
  const functions = fs
    .readdirSync(path.join(repo, 'cloudfunctions'))
    .filter((name) => name !== 'core' && fs.existsSync(path.join(repo, 'cloudfunctions', name, 'config.json')))
  for (const name of functions) {
    for (const file of ['config.json', 'package.json']) {
      write(`cloudfunctions/${name}/${file}`, fs.readFileSync(path.join(repo, 'cloudfunctions', name, file), 'utf8'))
    }
    write(`cloudfunctions/${name}/index.js`, `exports.main = async () => ${JSON.stringify(name)}\n`)
    write(`cloudfunctions/${name}/index.ts`, '// source: not uploaded\n')
  }
  // The shared code is not a function, even with files in it.
  write('cloudfunctions/core/index.ts', '// shared code\n')
  return {
    root,
    functions,
    write,
    readJson: <T>(rel: string) => JSON.parse(fs.readFileSync(path.join(root, rel), 'utf8')) as T,
    cleanup: () => fs.rmSync(root, { recursive: true, force: true }),
  }
}
