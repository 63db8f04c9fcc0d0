// npm run deploy:weapp without an account: argument handling, refusals (no AppID, a placeholder
// AppID, no key, no build), and that miniprogram-ci (mocked) gets the right AppID, path and key;
// the committed project.config.json keeps the DevTools placeholder.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseWeappArgs, runWeappCli } from '../../scripts/deployWeapp'

const projectMock = jest.fn()
const uploadMock = jest.fn(async () => ({ subPackageInfo: [{ name: '__FULL__', size: 512_000 }] }))
const previewMock = jest.fn(async () => ({}))
jest.mock('miniprogram-ci', () => ({
  Project: function Project(this: unknown, options: unknown) {
    projectMock(options)
    Object.assign(this as object, { options })
  },
  upload: (...a: unknown[]) => (uploadMock as (...x: unknown[]) => unknown)(...a),
  preview: (...a: unknown[]) => (previewMock as (...x: unknown[]) => unknown)(...a),
}))

const repo = path.resolve(__dirname, '../..')
const APPID = 'wx0123456789abcdef'
let root: string
const lines: string[] = []
const run = (argv: string[], env: NodeJS.ProcessEnv = { MINYI_APPID: APPID }) => runWeappCli(argv, { log: (l) => lines.push(l), root, env })

beforeEach(() => {
  jest.clearAllMocks()
  lines.length = 0
  root = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-weapp-'))
  fs.copyFileSync(path.join(repo, 'project.config.json'), path.join(root, 'project.config.json'))
  fs.mkdirSync(path.join(root, 'dist'))
  fs.writeFileSync(path.join(root, 'dist', 'app.json'), '{"pages":["pages/home/index"]}')
  fs.mkdirSync(path.join(root, 'deploy'))
  fs.writeFileSync(path.join(root, 'deploy', `private.${APPID}.key`), '-----BEGIN RSA PRIVATE KEY-----\nfake\n-----END RSA PRIVATE KEY-----\n')
})
afterEach(() => fs.rmSync(root, { recursive: true, force: true }))

describe('npm run deploy:weapp', () => {
  it('checks its arguments', () => {
    expect(() => parseWeappArgs([])).toThrow(/--version x.y.z/)
    expect(() => parseWeappArgs(['--version', '1.2'])).toThrow(/look like 1.2.3/)
    expect(() => parseWeappArgs(['--version', '1.2.0'])).toThrow(/--desc/)
    expect(() => parseWeappArgs(['--version', '--desc', 'x'])).toThrow(/--version needs a value/)
    expect(() => parseWeappArgs(['--preview', '--robot', '31'])).toThrow(/--robot/)
    expect(() => parseWeappArgs(['--upload'])).toThrow(/unknown argument/)
    expect(parseWeappArgs(['--version', '1.2.0', '--desc', '修复'])).toEqual({ version: '1.2.0', desc: '修复', preview: false, robot: 1, qrcodeOutput: null })
    expect(parseWeappArgs(['--preview'])).toMatchObject({ preview: true, version: null })
  })

  it('uploads dist/ with the AppID from the environment and the key from the git-ignored path', async () => {
    expect(await run(['--version', '1.2.0', '--desc', '接待日预约'])).toBe(0)
    expect(projectMock).toHaveBeenCalledWith({
      appid: APPID,
      type: 'miniProgram',
      projectPath: path.join(root, 'dist'),
      privateKeyPath: path.join(root, 'deploy', `private.${APPID}.key`),
      ignores: ['node_modules/**/*'],
    })
    expect(uploadMock).toHaveBeenCalledWith(expect.objectContaining({ version: '1.2.0', desc: '接待日预约', robot: 1, project: expect.anything() }))
    expect(previewMock).not.toHaveBeenCalled()
    // The generated config in dist/ has the AppID; the committed one keeps the placeholder.
    expect(JSON.parse(fs.readFileSync(path.join(root, 'dist', 'project.config.json'), 'utf8'))).toMatchObject({ appid: APPID, miniprogramRoot: './' })
    expect(JSON.parse(fs.readFileSync(path.join(root, 'project.config.json'), 'utf8')).appid).toBe('touristappid')
    expect(lines.join('\n')).toContain('__FULL__: 500 KB')
  })

  it('--preview prints a QR code in the terminal (or writes it to a file)', async () => {
    expect(await run(['--preview'])).toBe(0)
    expect(previewMock).toHaveBeenCalledWith(expect.objectContaining({ qrcodeFormat: 'terminal', desc: 'preview' }))
    await run(['--preview', '--qrcode', 'preview.png'])
    expect(previewMock).toHaveBeenLastCalledWith(expect.objectContaining({ qrcodeFormat: 'image', qrcodeOutputDest: path.resolve('preview.png') }))
    expect(uploadMock).not.toHaveBeenCalled()
  })

  it('reads the AppID and a key path from deploy/.env.weapp', async () => {
    fs.writeFileSync(path.join(root, 'deploy', '.env.weapp'), `MINYI_APPID=${APPID}\nMINYI_UPLOAD_KEY_PATH=deploy/upload.key\n`)
    fs.renameSync(path.join(root, 'deploy', `private.${APPID}.key`), path.join(root, 'deploy', 'upload.key'))
    expect(await run(['--preview'], {})).toBe(0)
    expect(projectMock).toHaveBeenCalledWith(expect.objectContaining({ appid: APPID, privateKeyPath: path.join(root, 'deploy', 'upload.key') }))
  })

  it.each([
    ['no AppID', {}, /MINYI_APPID is not set/],
    ['the DevTools placeholder', { MINYI_APPID: 'touristappid' }, /not a mini-program AppID/],
    ['a malformed AppID', { MINYI_APPID: 'wx123' }, /not a mini-program AppID/],
    ['no key at the path', { MINYI_APPID: APPID, MINYI_UPLOAD_KEY_PATH: 'nowhere.key' }, /upload key nowhere.key is missing/],
  ])('refuses with %s, before calling miniprogram-ci', async (_label, env, message) => {
    await expect(run(['--version', '1.0.0', '--desc', 'x'], env as NodeJS.ProcessEnv)).rejects.toThrow(message)
    expect(projectMock).not.toHaveBeenCalled()
  })

  it('refuses without a build', async () => {
    fs.rmSync(path.join(root, 'dist'), { recursive: true })
    await expect(run(['--version', '1.0.0', '--desc', 'x'])).rejects.toThrow(/npm run build:weapp/)
    expect(uploadMock).not.toHaveBeenCalled()
  })

  it('the committed project.config.json works for WeChat DevTools without a real AppID', () => {
    const committed = JSON.parse(fs.readFileSync(path.join(repo, 'project.config.json'), 'utf8'))
    expect(committed).toMatchObject({ appid: 'touristappid', miniprogramRoot: 'dist/', cloudfunctionRoot: 'cloudfunctions/' })
  })
})
