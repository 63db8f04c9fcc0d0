// npm run deploy:weapp -- --version 1.2.0 --desc "…"   uploads dist/ (a build) as a new version
// npm run deploy:weapp -- --preview [--desc "…"]        prints a preview QR code in the terminal
//
// The AppID comes from the environment (MINYI_APPID, or deploy/.env.weapp), never from git: the
// committed project.config.json keeps WeChat DevTools' placeholder `touristappid`; this script
// writes a generated project.config.json with the real AppID into dist/ (build output, ignored by
// git) and points miniprogram-ci there. The upload key (小程序管理后台 → 开发管理 → 小程序代码上传密钥)
// is read from MINYI_UPLOAD_KEY_PATH, default deploy/private.<appid>.key (git-ignored). See
// docs/deploy.md.
import fs from 'node:fs'
import path from 'node:path'
import { parseEnvFile } from './deploy/secrets'

const repositoryRoot = path.resolve(__dirname, '..')

export interface WeappArgs {
  version: string | null
  desc: string
  preview: boolean
  robot: number
  qrcodeOutput: string | null
}

export function parseWeappArgs(argv: string[]): WeappArgs {
  const args: WeappArgs = { version: null, desc: '', preview: false, robot: 1, qrcodeOutput: null }
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!
    const value = () => {
      const v = argv[++i]
      if (v === undefined || v.startsWith('--')) throw new Error(`${a} needs a value`)
      return v
    }
    if (a === '--version') args.version = value()
    else if (a === '--desc') args.desc = value()
    else if (a === '--preview') args.preview = true
    else if (a === '--robot') args.robot = Number(value())
    else if (a === '--qrcode') args.qrcodeOutput = value()
    else throw new Error(`unknown argument ${a} (usage: npm run deploy:weapp -- --version x.y.z --desc "…" | --preview)`)
  }
  if (!args.preview) {
    if (!args.version) throw new Error('an upload needs --version x.y.z (or use --preview)')
    if (!/^\d+\.\d+\.\d+$/.test(args.version)) throw new Error(`--version must look like 1.2.3, not "${args.version}"`)
    if (!args.desc.trim()) throw new Error('an upload needs --desc "…" (what changed, shown in the mini-program console)')
  }
  if (!Number.isInteger(args.robot) || args.robot < 1 || args.robot > 30) throw new Error('--robot must be 1 to 30')
  return args
}

/** The subset of miniprogram-ci this script uses (so that a test can stand in for it). */
export interface MiniprogramCi {
  Project: new (options: { appid: string; type: 'miniProgram'; projectPath: string; privateKeyPath: string; ignores?: string[] }) => unknown
  upload(options: Record<string, unknown>): Promise<unknown>
  preview(options: Record<string, unknown>): Promise<unknown>
}

export interface WeappSettings {
  appid: string
  privateKeyPath: string
  projectPath: string
}

/** Where the AppID and key come from, and the refusals when they are missing or wrong. */
export function weappSettings(root: string, env: NodeJS.ProcessEnv): WeappSettings {
  const file = path.join(root, 'deploy', '.env.weapp')
  const fromFile = fs.existsSync(file) ? parseEnvFile(fs.readFileSync(file, 'utf8')) : {}
  const appid = env.MINYI_APPID || fromFile.MINYI_APPID || ''
  if (!appid) throw new Error('MINYI_APPID is not set: the AppID (小程序管理后台 → 开发管理 → 开发设置) comes from the environment or deploy/.env.weapp, not from git')
  if (appid === 'touristappid' || !/^wx[0-9a-f]{16}$/.test(appid)) throw new Error(`MINYI_APPID "${appid}" is not a mini-program AppID (wx followed by 16 hex characters)`)
  const keyPath = path.resolve(root, env.MINYI_UPLOAD_KEY_PATH || fromFile.MINYI_UPLOAD_KEY_PATH || path.join('deploy', `private.${appid}.key`))
  if (!fs.existsSync(keyPath)) {
    throw new Error(`the upload key ${path.relative(root, keyPath)} is missing: download it (小程序管理后台 → 开发管理 → 小程序代码上传密钥) and save it there, or set MINYI_UPLOAD_KEY_PATH`)
  }
  const dist = path.join(root, 'dist')
  if (!fs.existsSync(path.join(dist, 'app.json'))) throw new Error('dist/ has no build: run `npm run build:weapp` (with TARO_APP_CLOUD_ENV and the template ids, see docs/deploy.md) first')
  return { appid, privateKeyPath: keyPath, projectPath: dist }
}

/** The generated project.config.json in dist/: the committed one's settings with the real AppID. */
export function writeGeneratedProjectConfig(root: string, settings: WeappSettings): string {
  const committed = JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')) as Record<string, unknown>
  const generated = { ...committed, appid: settings.appid, miniprogramRoot: './', cloudfunctionRoot: undefined, packOptions: undefined }
  const target = path.join(settings.projectPath, 'project.config.json')
  fs.writeFileSync(target, `${JSON.stringify(generated, null, 2)}\n`)
  return target
}

export async function runWeappCli(
  argv: string[],
  io: { log: (line: string) => void; root?: string; env?: NodeJS.ProcessEnv; ci?: MiniprogramCi } = { log: (l) => console.log(l) },
): Promise<number> {
  const root = io.root ?? repositoryRoot
  const args = parseWeappArgs(argv)
  const settings = weappSettings(root, io.env ?? process.env)
  writeGeneratedProjectConfig(root, settings)
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = io.ci ?? (require('miniprogram-ci') as MiniprogramCi)
  const project = new ci.Project({ appid: settings.appid, type: 'miniProgram', projectPath: settings.projectPath, privateKeyPath: settings.privateKeyPath, ignores: ['node_modules/**/*'] })
  // dist/ is already compiled and minified by Taro: upload it as it is.
  const setting = { es6: false, es7: false, minify: false, minifyJS: false, minifyWXML: false, minifyWXSS: false, autoPrefixWXSS: false }
  const onProgressUpdate = () => {}
  if (args.preview) {
    log(io, `preview of ${settings.appid} (dist/), robot ${args.robot}`)
    await ci.preview({
      project,
      desc: args.desc || 'preview',
      setting,
      robot: args.robot,
      qrcodeFormat: args.qrcodeOutput ? 'image' : 'terminal',
      qrcodeOutputDest: args.qrcodeOutput ? path.resolve(args.qrcodeOutput) : undefined,
      onProgressUpdate,
    })
    log(io, args.qrcodeOutput ? `preview QR code written to ${args.qrcodeOutput}` : 'scan the QR code above with WeChat (a developer or tester of this AppID)')
    return 0
  }
  log(io, `uploading ${settings.appid} version ${args.version} (dist/), robot ${args.robot}: ${args.desc}`)
  const result = (await ci.upload({ project, version: args.version, desc: args.desc, setting, robot: args.robot, onProgressUpdate })) as {
    subPackageInfo?: Array<{ name: string; size: number }>
  }
  for (const p of result?.subPackageInfo ?? []) log(io, `  ${p.name}: ${(p.size / 1024).toFixed(0)} KB`)
  log(io, `uploaded version ${args.version}: submit it for review in 小程序管理后台 → 版本管理 (开发版本)`)
  return 0
}

function log(io: { log: (line: string) => void }, line: string) {
  io.log(line)
}

if (require.main === module) {
  runWeappCli(process.argv.slice(2))
    .then((code) => process.exit(code))
    .catch((error) => {
      console.error(error instanceof Error ? error.message : error)
      process.exit(1)
    })
}
