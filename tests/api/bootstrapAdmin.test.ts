// `npm run deploy:bootstrap-admin`: the first admin of a district, against the local store
// (--local, DATA_DIR) and against CloudBase (node-sdk with credentials from the environment, here
// the fake CloudBase endpoint). Prints a code that works once; refuses when an admin exists.
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { runBootstrap } from '../../scripts/bootstrapAdmin'
import { openNedbStore } from '../../cloudfunctions/core/adapters/embedded/nedbStore'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import type { RegionDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness } from '../support/apiHarness'
import { collectionsManifest } from '../support/cloudbaseApiHarness'
import { startFakeCloudbase } from '../support/fakeCloudbase'

jest.setTimeout(60_000)

const district: RegionDoc = { _id: 'region-new', name: '新湖区', level: 'district', parentId: null, officeName: '临江市新湖区人大常委会' }

async function run(argv: string[], env: NodeJS.ProcessEnv) {
  const lines: string[] = []
  const code = await runBootstrap({ argv, env, print: (l) => lines.push(l) })
  const invitation = /邀请码 ([0-9A-Z]{10})/.exec(lines.join('\n'))?.[1] ?? null
  return { code, lines, invitation }
}

describe('--local, the embedded store under DATA_DIR', () => {
  let dataDir: string
  beforeEach(async () => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'minyi-bootstrap-'))
    const store = await openNedbStore({ dataDir })
    await store.collection<RegionDoc>('regions').insert(district)
    await store.close()
  })
  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }))

  it('creates the first admin, prints a code and the scan address; the code binds; then it refuses', async () => {
    const env = { DATA_DIR: dataDir }
    const first = await run(['--local', '--district', 'region-new', '--name', '张主任'], env)
    expect(first.code).toBe(0)
    expect(first.lines.join('\n')).toContain('临江市新湖区人大常委会首个管理员账号已创建')
    expect(first.lines.join('\n')).toContain(`/#/pages/scan/index?scene=i%3D${first.invitation}`)
    // Not accepted yet: running it again gives a new code and the first one stops working.
    const second = await run(['--local', '--district', 'region-new'], env)
    expect(second.code).toBe(0)
    expect(second.lines[0]).toContain('已重新生成邀请码')

    const h = await createHarness({ store: await openNedbStore({ dataDir }), now: new Date().toISOString() })
    const refused = await h.api.handle({ action: 'invitation.accept', input: { code: first.invitation }, requestId: 'bootstrapaccept01' }, { openid: 'wx-first-admin' })
    expect(refused).toMatchObject({ ok: false, error: { message: '该邀请码已作废，请向创建账号的工作人员索取新的邀请码' } })
    const accepted = await h.api.handle({ action: 'invitation.accept', input: { code: second.invitation }, requestId: 'bootstrapaccept02' }, { openid: 'wx-first-admin' })
    expect(accepted).toMatchObject({ ok: true, data: { role: 'admin', name: '张主任', scopeLabel: '临江市新湖区人大常委会' } })
    const me = await h.api.handle({ action: 'session.me', input: {} }, { openid: 'wx-first-admin' })
    expect(me).toMatchObject({ ok: true, data: { role: 'admin' } })
    const audit = await h.store.collection('audit_log').find({ regionId: 'region-new' })
    expect(audit.length).toBeGreaterThanOrEqual(3)
    await h.close()

    const third = await run(['--local', '--district', 'region-new'], env)
    expect(third.code).toBe(3)
    expect(third.lines.join('\n')).toContain('临江市新湖区人大常委会已有管理员账号，请由现有管理员在管理台中邀请新的管理员')
  })

  it('a district with a seeded admin is refused; a street is not a district', async () => {
    const store = await openNedbStore({ dataDir })
    await store.collection<RegionDoc>('regions').insert({ _id: 'region-street', name: '新街', level: 'street', parentId: 'region-new', officeName: '新街人大工委' })
    await store.collection<UserDoc>('users').insert({ _id: 'admin-x', openid: 'wx-x', role: 'admin', name: '已有', stationIds: [], deputyId: null, regionId: 'region-new', credits: {}, createdAt: '2026-01-01T00:00:00.000Z' })
    await store.close()
    expect((await run(['--local', '--district', 'region-new'], { DATA_DIR: dataDir })).code).toBe(3)
    const street = await run(['--local', '--district', 'region-street'], { DATA_DIR: dataDir })
    expect(street.code).toBe(1)
    expect(street.lines[0]).toContain('不是区（县）级行政区')
  })
})

describe('--env, a CloudBase environment through node-sdk (the fake endpoint)', () => {
  const saved = process.env.TENCENTCLOUD
  beforeAll(() => {
    process.env.TENCENTCLOUD = 'true' // keeps node-sdk off the metadata host
  })
  afterAll(() => {
    if (saved === undefined) delete process.env.TENCENTCLOUD
    else process.env.TENCENTCLOUD = saved
  })

  it('uses the credentials from the environment and writes the account and invitation there', async () => {
    const fake = await startFakeCloudbase({ collections: collectionsManifest.collections })
    try {
      const store = createCloudbaseStore(tcb.init(fake.sdkConfig))
      await store.collection<RegionDoc>('regions').insert(district)
      const missing = await run(['--env', fake.sdkConfig.env], { MINYI_TCB_SERVICE_URL: fake.sdkConfig.serviceUrl })
      expect(missing.code).toBe(1)
      expect(missing.lines[0]).toContain('TENCENTCLOUD_SECRETID')
      const env = { TENCENTCLOUD_SECRETID: 'id', TENCENTCLOUD_SECRETKEY: 'key', MINYI_TCB_SERVICE_URL: fake.sdkConfig.serviceUrl }
      const done = await run(['--env', fake.sdkConfig.env, '--name', '张主任'], env)
      expect(done.code).toBe(0)
      expect(done.lines.join('\n')).toContain(`scene=i%3D${done.invitation}`)
      const admin = (await store.collection<UserDoc>('users').find({ regionId: 'region-new' }))[0]
      expect(admin).toMatchObject({ role: 'admin', status: 'invited', name: '张主任' })
      expect(await store.collection('invitations').count({ accountId: admin._id, status: 'pending' })).toBe(1)
      await store.collection<UserDoc>('users').update({ _id: admin._id }, { set: { status: 'active', openid: 'wx-bound' } })
      expect((await run(['--env', fake.sdkConfig.env], env)).code).toBe(3)
    } finally {
      await fake.close()
    }
  })
})
