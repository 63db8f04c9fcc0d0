// The whole deploy against a recording stand-in of the DeployTarget port: the plan covers every
// collection and index of deploy/collections.json with the deny-all rule, every function folder
// with its configuration, variables, timer triggers and open-API permissions, and the storage
// rule; a second run changes nothing and says so; changes are planned precisely; the CLI refuses
// a missing or weak phone key and missing credentials, and --dry-run needs neither.
import fs from 'node:fs'
import path from 'node:path'
import { readDesiredState, STORAGE_RULE } from '../../scripts/deploy/desired'
import { createRecordingTarget } from '../../scripts/deploy/memoryTarget'
import { EMPTY_STATE, type Change, type DesiredState } from '../../scripts/deploy/model'
import { computePlan, formatPlan } from '../../scripts/deploy/plan'
import { deploy, readCurrentState } from '../../scripts/deploy/run'
import { phoneKeyProblem } from '../../scripts/deploy/secrets'
import { parseDeployArgs, runDeployCli } from '../../scripts/deploy'
import { phoneKeyId } from '../../cloudfunctions/core/adapters/crypto/aesPhoneVault'
import { makeDeployFixture, strongKey, type DeployFixture } from '../support/deployFixture'

const repo = path.resolve(__dirname, '../..')
const manifest = JSON.parse(fs.readFileSync(path.join(repo, 'deploy/collections.json'), 'utf8')) as {
  securityRule: unknown
  collections: Array<{ name: string; indexes: Array<{ name: string; unique?: boolean; keys: Array<{ name: string; direction: string }> }> }>
}
interface FnConfig {
  timeout: number
  runtime: string
  triggers?: Array<{ name: string; type: string; config: string }>
  permissions?: { openapi?: string[] }
  envVariables?: Record<string, string>
  httpAccess?: Array<{ name: string; path: string; authRequired: boolean }>
}

let fx: DeployFixture
const KEY = strongKey()
const values = () => ({ MINYI_PHONE_KEY: KEY, MINYI_TEMPLATES: '{"progress":{"id":"T1","fields":{}}}' })
const desiredOf = (v: Record<string, string> = values()): DesiredState => readDesiredState(fx.root, 'prod-env', v)
const kinds = (changes: Change[]) => changes.map((c) => `${c.kind} ${'collection' in c ? c.collection : 'fn' in c ? c.fn : ''}`.trim())

beforeEach(() => {
  fx = makeDeployFixture()
})
afterEach(() => fx.cleanup())

describe('deploy against a recording stand-in', () => {
  it('creates every collection, index and rule, every function with its settings, and the storage rule; a second run is a no-op', async () => {
    const target = createRecordingTarget()
    const desired = desiredOf()
    const first = await deploy(target, desired)

    // Collections: every one in the manifest, with exactly its indexes and the deny-all rule.
    expect(Object.keys(target.env.collections).sort()).toEqual(manifest.collections.map((c) => c.name).sort())
    for (const c of manifest.collections) {
      const made = target.env.collections[c.name]!
      expect(made.rule).toBe(JSON.stringify({ read: false, write: false }))
      expect(made.indexes).toEqual(
        c.indexes.map((i) => ({ name: i.name, unique: Boolean(i.unique), keys: i.keys.map((k) => ({ name: k.name, direction: k.direction })) })),
      )
    }
    // Functions: every folder with a config.json, with its runtime, timeout, triggers, permissions, variables.
    expect(Object.keys(target.env.functions).sort()).toEqual([...fx.functions].sort())
    for (const name of fx.functions) {
      const config = fx.readJson<FnConfig>(`cloudfunctions/${name}/config.json`)
      const made = target.env.functions[name]!
      expect(made).toMatchObject({ runtime: config.runtime, timeout: config.timeout, handler: 'index.main', installDependency: true })
      expect(made.runtime).toBe('Nodejs18.15')
      expect(made.triggers).toEqual((config.triggers ?? []).map((t) => ({ name: t.name, type: 'timer', config: t.config })))
      expect(made.openapi).toEqual([...(config.permissions?.openapi ?? [])].sort())
      expect(made.envVariables.MINYI_PHONE_KEY).toBe(KEY)
      expect(made.envVariables.MINYI_TEMPLATES).toBe(values().MINYI_TEMPLATES)
      for (const [k, v] of Object.entries(config.envVariables ?? {})) if (v) expect(made.envVariables[k]).toBe(v)
      // Only the bundle and its manifests are uploaded: no TypeScript sources.
      expect(made.files).toEqual(['config.json', 'index.js', 'package.json'])
    }
    expect(target.env.functions.timer!.triggers).toEqual([{ name: 'every5minutes', type: 'timer', config: '0 */5 * * * * *' }])
    expect(target.env.functions.api!.openapi).toEqual(['security.msgSecCheck', 'subscribeMessage.send', 'wxacode.getUnlimited'])
    expect(target.env.storageRule).toEqual(STORAGE_RULE)

    const indexes = manifest.collections.reduce((n, c) => n + (c.indexes.length ? 1 : 0), 0)
    // HTTP access: open311 gets both its paths (config.json httpAccess), one change each.
    expect(target.env.functions.open311!.httpAccess).toEqual([
      { path: '/hotline', authRequired: false },
      { path: '/open311', authRequired: false },
    ])
    expect(target.env.functions.api!.httpAccess).toEqual([])
    expect(target.calls.filter((c) => c.startsWith('setHttpAccess'))).toEqual(['setHttpAccess open311 /hotline', 'setHttpAccess open311 /open311'])
    const httpPaths = fx.functions.reduce((n, name) => n + (fx.readJson<FnConfig>(`cloudfunctions/${name}/config.json`).httpAccess?.length ?? 0), 0)
    expect(httpPaths).toBe(2)
    expect(first.applied).toHaveLength(manifest.collections.length * 2 + indexes + fx.functions.length + 1 /* timer trigger */ + httpPaths + 1 /* storage */)

    // Second run: reads, plans nothing, calls nothing that changes anything, and says so.
    const callsBefore = target.calls.length
    const second = await deploy(target, desired)
    expect(second.plan.changes).toEqual([])
    expect(second.applied).toEqual([])
    expect(target.calls).toHaveLength(callsBefore)
    expect(formatPlan(second.plan, desired)).toContain('Nothing to change: the environment already matches the repository.')
  })

  it('plans only what differs: a new timeout, a changed index, new code, a rotated key, a changed trigger', async () => {
    const target = createRecordingTarget()
    await deploy(target, desiredOf())

    const timer = fx.readJson<FnConfig>('cloudfunctions/timer/config.json')
    fx.write('cloudfunctions/timer/config.json', JSON.stringify({ ...timer, timeout: 90, triggers: [{ name: 'every5minutes', type: 'timer', config: '0 */10 * * * * *' }] }))
    const changedManifest = JSON.parse(JSON.stringify(manifest))
    changedManifest.collections.find((c: { name: string }) => c.name === 'requests').indexes[0].keys[0].direction = '-1'
    fx.write('deploy/collections.json', JSON.stringify(changedManifest))
    fx.write('cloudfunctions/api/index.js', 'exports.main = async () => "api v2"\n')
    const newKey = strongKey()
    const desired = desiredOf({ ...values(), MINYI_PHONE_KEY: newKey, MINYI_PHONE_KEY_PREVIOUS: KEY })

    const plan = computePlan(desired, await readCurrentState(target, desired))
    // config.json is uploaded with the code (its open-API permissions take effect that way), so
    // editing it is a code change too.
    expect(kinds(plan.changes)).toEqual([
      'collection.indexes requests',
      'function.code api',
      'function.config api',
      // open311 also reads the phone key (partners' contact fields are sealed with it).
      'function.config open311',
      'function.code timer',
      'function.config timer',
      'function.triggers timer',
    ])
    expect(plan.changes[0]).toMatchObject({ drop: ['created'], create: [{ name: 'created', keys: [{ name: 'createdAt', direction: '-1' }] }] })
    const text = formatPlan(plan, desired)
    expect(text).toContain('timeout 60→90 s')
    expect(text).toContain(`MINYI_PHONE_KEY (key id ${phoneKeyId(Buffer.from(newKey, 'hex'))})`)
    expect(text).toContain(`MINYI_PHONE_KEY_PREVIOUS (key id ${phoneKeyId(Buffer.from(KEY, 'hex'))})`)
    // Secrets are never printed.
    expect(text).not.toContain(newKey)
    expect(text).not.toContain(KEY)

    await deploy(target, desired)
    expect(target.env.functions.timer).toMatchObject({ timeout: 90, triggers: [{ name: 'every5minutes', config: '0 */10 * * * * *' }] })
    expect(target.env.functions.api!.envVariables).toMatchObject({ MINYI_PHONE_KEY: newKey, MINYI_PHONE_KEY_PREVIOUS: KEY })
    expect((await deploy(target, desired)).applied).toEqual([])
  })

  it('picks up a new function folder without any change to the deploy code (an HTTP-triggered one too)', async () => {
    fx.write('cloudfunctions/partnerhook/config.json', JSON.stringify({ runtime: 'Nodejs18.15', timeout: 5, httpAccess: [{ name: 'hook', path: '/partnerhook' }], envVariables: { MINYI_PUBLIC_URL: '' } }))
    fx.write('cloudfunctions/partnerhook/package.json', '{"name":"partnerhook","main":"index.js"}')
    fx.write('cloudfunctions/partnerhook/index.js', 'exports.main = async () => ({})\n')
    fx.write('cloudfunctions/notafunction/README.md', 'no config.json: not a function\n')
    const target = createRecordingTarget()
    const desired = desiredOf({ ...values(), MINYI_PUBLIC_URL: 'https://minyi.example.cn' })
    const { plan } = await deploy(target, desired)
    expect(kinds(plan.changes).filter((k) => k.includes('partnerhook'))).toEqual(['function.create partnerhook', 'function.http partnerhook'])
    expect(target.env.functions.partnerhook).toMatchObject({ timeout: 5, httpAccess: [{ path: '/partnerhook', authRequired: false }], envVariables: { MINYI_PUBLIC_URL: 'https://minyi.example.cn' } })
    expect(target.env.functions.notafunction).toBeUndefined()
    expect(target.env.functions.core).toBeUndefined()
  })

  it('HTTP paths: plans exactly the missing path and the one whose authentication differs, notes an extra one, and converges', async () => {
    const target = createRecordingTarget()
    await deploy(target, desiredOf())
    const open311 = target.env.functions.open311!
    // Someone removed /hotline, turned authentication on for /open311 and added /legacy in the console.
    open311.httpAccess = [
      { path: '/legacy', authRequired: false },
      { path: '/open311', authRequired: true },
    ]
    const desired = desiredOf()
    const plan = computePlan(desired, await readCurrentState(target, desired))
    expect(plan.changes).toEqual([
      { kind: 'function.http', fn: 'open311', path: '/hotline', authRequired: false, from: 'missing' },
      { kind: 'function.http', fn: 'open311', path: '/open311', authRequired: false, from: 'auth' },
    ])
    expect(plan.notes).toContain('function open311: HTTP path /legacy exists but is not in its config.json httpAccess (left alone)')
    const text = formatPlan(plan, desired)
    expect(text).toContain('HTTP access for open311 at /hotline (no CloudBase authentication)')
    expect(text).toContain('HTTP access for open311 at /open311 (no CloudBase authentication): switch authentication off')

    await deploy(target, desired)
    expect(target.env.functions.open311!.httpAccess).toEqual([
      { path: '/hotline', authRequired: false },
      { path: '/legacy', authRequired: false },
      { path: '/open311', authRequired: false },
    ])
    const calls = target.calls.length
    expect((await deploy(target, desired)).applied).toEqual([])
    expect(target.calls).toHaveLength(calls)
  })

  it('HTTP paths: config.json httpAccess is checked, and the former single `http` form is refused with a pointer', () => {
    const open311 = fx.readJson<Record<string, unknown>>('cloudfunctions/open311/config.json')
    fx.write('cloudfunctions/open311/config.json', JSON.stringify({ ...open311, httpAccess: undefined, http: { path: '/open311' } }))
    expect(() => desiredOf()).toThrow(/"http" is not read; list the paths in "httpAccess"/)
    fx.write('cloudfunctions/open311/config.json', JSON.stringify({ ...open311, httpAccess: [{ name: 'a', path: 'open311' }] }))
    expect(() => desiredOf()).toThrow(/HTTP path "open311" must look like "\/open311"/)
    fx.write('cloudfunctions/open311/config.json', JSON.stringify({ ...open311, httpAccess: [{ path: '/a' }, { path: '/a' }] }))
    expect(() => desiredOf()).toThrow(/HTTP path \/a is listed twice/)
  })

  it('cloudbaserc.json services mirror every function\'s config.json httpAccess', () => {
    const rc = JSON.parse(fs.readFileSync(path.join(repo, 'cloudbaserc.json'), 'utf8')) as { services?: Array<{ path: string; name: string; type: string }> }
    const fromConfigs = fx.functions.flatMap((name) =>
      (fx.readJson<FnConfig>(`cloudfunctions/${name}/config.json`).httpAccess ?? []).map((a) => ({ path: a.path, name, type: 'function' })),
    )
    const byPath = (a: { path: string }, b: { path: string }) => (a.path < b.path ? -1 : 1)
    expect([...(rc.services ?? [])].sort(byPath)).toEqual(fromConfigs.sort(byPath))
  })

  it('refuses to touch a function whose runtime CloudBase cannot change', async () => {
    const target = createRecordingTarget()
    await deploy(target, desiredOf())
    target.env.functions.api!.runtime = 'Nodejs16.13'
    const calls = target.calls.length
    await expect(deploy(target, desiredOf())).rejects.toThrow(/runs Nodejs16.13 but config.json says Nodejs18.15/)
    expect(target.calls).toHaveLength(calls)
  })

  it('a dry run plans against an empty environment and is labelled as such', () => {
    const desired = desiredOf()
    const text = formatPlan(computePlan(desired, EMPTY_STATE), desired)
    expect(text).toContain('DRY RUN against an unknown (assumed empty) environment')
    expect(text).toContain('create collection cases')
    expect(text).toContain('create timer trigger every5minutes "0 */5 * * * * *"')
  })
})

describe('MINYI_PHONE_KEY strength', () => {
  it.each([
    ['missing', undefined, /missing/],
    ['too short', 'abcd'.repeat(8), /64 hex/],
    ['base64 instead of hex', Buffer.alloc(32, 7).toString('base64'), /64 hex/],
    ['one byte repeated', 'ab'.repeat(32), /weak/],
    ['a repeating pattern', '0123456789abcdef'.repeat(4), /weak/],
    ['a short alphabet', '0101010110101010'.repeat(4).replace(/./g, (c, i) => (i % 5 ? c : '2')), /weak/],
  ])('refuses a key that is %s', (_label, key, problem) => {
    expect(phoneKeyProblem(key)).toMatch(problem)
  })

  it('accepts random keys (openssl rand -hex 32), upper or lower case', () => {
    for (let i = 0; i < 2000; i++) expect(phoneKeyProblem(strongKey())).toBeNull()
    expect(phoneKeyProblem(strongKey().toUpperCase())).toBeNull()
  })
})

describe('npm run deploy (the command)', () => {
  const run = async (argv: string[], makeTarget?: NonNullable<Parameters<typeof runDeployCli>[1]>['makeTarget']) => {
    const lines: string[] = []
    const code = await runDeployCli([...argv, '--skip-build'], { log: (l) => lines.push(l), root: fx.root, makeTarget })
    return { code, out: lines.join('\n') }
  }

  it('needs an environment id', () => {
    expect(() => parseDeployArgs([])).toThrow(/--env <envId>/)
    expect(() => parseDeployArgs(['--env', 'x y'])).toThrow(/does not look like/)
    expect(() => parseDeployArgs(['--env', 'e', '--force'])).toThrow(/unknown argument --force/)
    expect(parseDeployArgs(['--env=prod-1', '--dry-run'])).toEqual({ envId: 'prod-1', dryRun: true, skipBuild: false })
  })

  it('--dry-run prints the plan with no key and no credentials, and what a real deploy would refuse', async () => {
    const { code, out } = await run(['--env', 'test-env', '--dry-run'])
    expect(code).toBe(0)
    expect(out).toContain('Deploy plan for CloudBase environment test-env')
    expect(out).toContain('DRY RUN')
    expect(out).toContain('A real deploy would refuse to run:')
    expect(out).toContain('MINYI_PHONE_KEY is missing')
  })

  it('--dry-run with credentials plans against what the environment has, and changes nothing', async () => {
    const target = createRecordingTarget()
    await deploy(target, desiredOf())
    delete target.env.collections.audit_log
    const calls = target.calls.length
    fx.write('deploy/.env.prod-env', `MINYI_PHONE_KEY=${KEY}\nMINYI_TEMPLATES=${values().MINYI_TEMPLATES}\nTENCENTCLOUD_SECRETID=id\nTENCENTCLOUD_SECRETKEY=key\n`)
    const { code, out } = await run(['--env', 'prod-env', '--dry-run'], () => target)
    expect(code).toBe(0)
    expect(out).toContain('DRY RUN against the current state of prod-env')
    expect(out).not.toContain('unknown (assumed empty)')
    expect(out).toContain('1. create collection audit_log')
    expect(out).not.toContain('create collection cases')
    expect(target.calls).toHaveLength(calls)
  })

  it('refuses a weak key, a forbidden variable, and missing credentials, before touching anything', async () => {
    const makeTarget = jest.fn(() => createRecordingTarget())
    fx.write('deploy/.env.prod-env', `MINYI_PHONE_KEY=${'ab'.repeat(32)}\n`)
    let result = await run(['--env', 'prod-env'], makeTarget)
    expect(result).toMatchObject({ code: 1 })
    expect(result.out).toMatch(/Refusing to deploy:[\s\S]*weak/)
    fx.write('deploy/.env.prod-env', `MINYI_PHONE_KEY=${KEY}\nTCB_CONTEXT_CNFG={"URL":"http://127.0.0.1"}\n`)
    result = await run(['--env', 'prod-env'], makeTarget)
    expect(result.out).toMatch(/TCB_CONTEXT_CNFG must never be set/)
    fx.write('deploy/.env.prod-env', `MINYI_PHONE_KEY=${KEY}\n`)
    result = await run(['--env', 'prod-env'], makeTarget)
    expect(result).toMatchObject({ code: 1 })
    expect(result.out).toContain('no credentials')
    expect(makeTarget).not.toHaveBeenCalled()
  })

  it('deploys with the env file and credentials, checks the result, and a second run says nothing changed', async () => {
    const target = createRecordingTarget()
    fx.write('deploy/.env.prod-env', `# prod\nMINYI_PHONE_KEY=${KEY}\nMINYI_APPID=wx123\nTENCENTCLOUD_SECRETID=id\nTENCENTCLOUD_SECRETKEY="key"\n`)
    const makeTarget = jest.fn(() => target)
    const first = await run(['--env', 'prod-env'], makeTarget)
    expect(first.code).toBe(0)
    expect(makeTarget).toHaveBeenCalledWith('prod-env', { secretId: 'id', secretKey: 'key', token: undefined })
    expect(first.out).toMatch(/Done: \d+ changes applied/)
    expect(first.out).toContain('Checked: a fresh read of the environment matches the repository.')
    expect(first.out).toContain('Not function variables (ignored): MINYI_APPID')
    expect(first.out).not.toContain(KEY)
    // The deploy's own credentials never reach a function.
    expect(target.env.functions.api!.envVariables).not.toHaveProperty('TENCENTCLOUD_SECRETKEY')
    const second = await run(['--env', 'prod-env'], makeTarget)
    expect(second.code).toBe(0)
    expect(second.out).toContain('Done: nothing changed (the environment already matched).')
  })
})
