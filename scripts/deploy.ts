// npm run deploy -- --env <envId> [--dry-run] [--skip-build]
//
// Builds the functions, reads what the environment has, prints the plan (desired state vs current
// state, as data: scripts/deploy/plan.ts), applies it through the DeployTarget port over
// @cloudbase/manager-node, and reads the environment again to check that nothing is left to do.
// `--dry-run` needs no credentials: it plans against an unknown (assumed empty) environment and
// says so. Refuses to deploy without a strong MINYI_PHONE_KEY. See docs/deploy.md.
import path from 'node:path'
import { buildAll } from './buildFunctions'
import { readDesiredState, SHARED_FUNCTION_VARIABLES } from './deploy/desired'
import { EMPTY_STATE } from './deploy/model'
import { computePlan, formatPlan } from './deploy/plan'
import { deploy, readCurrentState } from './deploy/run'
import { envFilePath, envProblems, FORBIDDEN_FUNCTION_VARIABLES, loadDeployEnv, parseEnvFile } from './deploy/secrets'
import type { DeployTarget } from './deploy/target'
import fs from 'node:fs'

const repositoryRoot = path.resolve(__dirname, '..')

export interface DeployArgs {
  envId: string
  dryRun: boolean
  skipBuild: boolean
}

export function parseDeployArgs(argv: string[]): DeployArgs {
  let envId = ''
  let dryRun = false
  let skipBuild = false
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    if (a === '--env') envId = argv[++i] ?? ''
    else if (a.startsWith('--env=')) envId = a.slice('--env='.length)
    else if (a === '--dry-run') dryRun = true
    else if (a === '--skip-build') skipBuild = true
    else throw new Error(`unknown argument ${a} (usage: npm run deploy -- --env <envId> [--dry-run] [--skip-build])`)
  }
  if (!envId) throw new Error('which environment? npm run deploy -- --env <envId> [--dry-run]')
  if (!/^[a-z0-9][a-z0-9-]{1,48}$/i.test(envId)) throw new Error(`"${envId}" does not look like a CloudBase environment id`)
  return { envId, dryRun, skipBuild }
}

function credentials(root: string, envId: string): { secretId: string; secretKey: string; token?: string } | null {
  const file = envFilePath(root, envId)
  const fromFile = fs.existsSync(file) ? parseEnvFile(fs.readFileSync(file, 'utf8')) : {}
  const secretId = process.env.TENCENTCLOUD_SECRETID || fromFile.TENCENTCLOUD_SECRETID
  const secretKey = process.env.TENCENTCLOUD_SECRETKEY || fromFile.TENCENTCLOUD_SECRETKEY
  const token = process.env.TENCENTCLOUD_SESSIONTOKEN || fromFile.TENCENTCLOUD_SESSIONTOKEN
  return secretId && secretKey ? { secretId, secretKey, token } : null
}

export async function runDeployCli(
  argv: string[],
  io: {
    log: (line: string) => void
    /** The repository (tests use a copy). */
    root?: string
    makeTarget?: (envId: string, creds: { secretId: string; secretKey: string; token?: string }) => DeployTarget
  } = { log: (line) => console.log(line) },
): Promise<number> {
  const args = parseDeployArgs(argv)
  const { log } = io
  const root = io.root ?? repositoryRoot
  if (!args.skipBuild) {
    const built = await buildAll()
    for (const b of built) log(`built ${b.name}: ${(b.bytes / 1024).toFixed(0)} KB`)
  }
  const { values, file } = loadDeployEnv(root, args.envId, process.env)
  log(file ? `variables from ${path.relative(root, file)} and the shell` : `variables from the shell (no ${path.relative(root, envFilePath(root, args.envId))})`)
  const problems = envProblems(values)
  const forbidden = FORBIDDEN_FUNCTION_VARIABLES.filter((k) => k in values)
  for (const k of forbidden) problems.push(`${k} must never be set for a deployed function: remove it from ${file ?? 'the shell'}`)
  const unknown = Object.keys(values).filter((k) => k.startsWith('MINYI_') && !SHARED_FUNCTION_VARIABLES.includes(k) && !forbidden.includes(k))
  const desired = readDesiredState(root, args.envId, values)
  const declared = new Set(desired.functions.flatMap((f) => Object.keys(f.envVariables)))
  const ignored = unknown.filter((k) => !declared.has(k))

  const creds = credentials(root, args.envId)
  const makeTarget =
    io.makeTarget ??
    ((envId: string, c: { secretId: string; secretKey: string; token?: string }) => {
      // Loaded only when credentials are there: a dry run without them needs no SDK at all.
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const { createManagerNodeTarget } = require('./deploy/managerNodeTarget') as typeof import('./deploy/managerNodeTarget')
      return createManagerNodeTarget({ envId, ...c })
    })

  if (args.dryRun) {
    // With credentials, the plan is against what the environment has (read only); without, against
    // an unknown environment, assumed empty (the plan says which).
    const current = creds ? await readCurrentState(makeTarget(args.envId, creds), desired) : EMPTY_STATE
    const plan = computePlan(desired, current)
    log('')
    if (creds) log(`DRY RUN against the current state of ${args.envId}: it was read, nothing was changed.`)
    log(formatPlan(plan, desired))
    if (ignored.length) log(`\nNot function variables (ignored here): ${ignored.join(', ')}`)
    if (problems.length) {
      log('\nA real deploy would refuse to run:')
      for (const p of problems) log(`  - ${p}`)
    }
    return 0
  }

  if (problems.length) {
    log('Refusing to deploy:')
    for (const p of problems) log(`  - ${p}`)
    return 1
  }
  if (!creds) {
    log('Refusing to deploy: no credentials. Set TENCENTCLOUD_SECRETID and TENCENTCLOUD_SECRETKEY (a CAM key, see docs/deploy.md) in the shell or deploy/.env.<envId>, or use --dry-run.')
    return 1
  }
  const target = makeTarget(args.envId, creds)
  log(`target: ${target.label}`)
  const { plan, applied } = await deploy(target, desired, log)
  log('')
  log(formatPlan(plan, desired))
  if (ignored.length) log(`\nNot function variables (ignored): ${ignored.join(', ')}`)
  const after = computePlan(desired, await readCurrentState(target, desired))
  log('')
  log(applied.length ? `Done: ${applied.length} changes applied.` : 'Done: nothing changed (the environment already matched).')
  if (after.changes.length) {
    log(`But a fresh read still differs in ${after.changes.length} places: run the deploy again or check the console.`)
    return 1
  }
  log('Checked: a fresh read of the environment matches the repository.')
  return 0
}

if (require.main === module) {
  runDeployCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
