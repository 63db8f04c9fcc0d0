// The deployed `api` and `timer` functions, run as CloudBase would run them: the real entry
// modules, the real node-sdk pointed at the local CloudBase database endpoint, the caller's
// identity from wx-server-sdk's WeChat context (WX_OPENID). Shows that the development sign-in
// cannot be used there: not as a header, not as payload fields, not by environment variables.
import { randomBytes } from 'node:crypto'
import { readFileSync, mkdtempSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import tcb from '@cloudbase/node-sdk'
import { createCloudbaseStore } from '../../cloudfunctions/core/adapters/cloudbase/cloudbaseStore'
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import { COLLECTIONS } from '../../cloudfunctions/core/ports/store'
import { seedDemoData } from '../../server/demoData'
import { assertLocalRuntime, devOpenid } from '../../server/devIdentity'
import { buildFunction } from '../../scripts/buildFunctions'
import { startFakeCloudbase, type CollectionSpec, type FakeCloudbase } from '../support/fakeCloudbase'
import { validOpinion } from '../support/apiHarness'

type Main = (event: unknown) => Promise<{ ok: boolean; data?: any; error?: { code: string } }>

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../deploy/collections.json'), 'utf8')) as {
  collections: CollectionSpec[]
}

let fake: FakeCloudbase
const savedEnv = { ...process.env }

function loadEntry(name: 'api' | 'timer' | 'open311'): Main {
  let main: Main | undefined
  jest.isolateModules(() => {
    main = require(`../../cloudfunctions/${name}/index.ts`).main
  })
  return main!
}

/** What CloudBase puts in a function's environment for a call from a WeChat user. */
function asWeChatUser(openid: string | null) {
  process.env.WX_CONTEXT_KEYS = 'WX_OPENID,WX_APPID'
  process.env.WX_APPID = 'wx-test-app'
  if (openid) process.env.WX_OPENID = openid
  else delete process.env.WX_OPENID
}

beforeAll(async () => {
  fake = await startFakeCloudbase({ collections: manifest.collections })
  Object.assign(process.env, {
    TENCENTCLOUD: 'true',
    TCB_ENV: fake.sdkConfig.env,
    SCF_NAMESPACE: fake.sdkConfig.env,
    TENCENTCLOUD_SECRETID: 'fake-secret-id',
    TENCENTCLOUD_SECRETKEY: 'fake-secret-key',
    TCB_CONTEXT_CNFG: JSON.stringify({ URL: fake.url }),
    MINYI_PHONE_KEY: randomBytes(32).toString('hex'),
  })
  await seedDemoData(createCloudbaseStore(tcb.init(fake.sdkConfig)))
})

afterAll(async () => {
  process.env = savedEnv
  await fake.close()
})

describe('the deployed api function', () => {
  it('takes the caller from the WeChat context and ignores X-Dev-User, payload identity and dev switches', async () => {
    asWeChatUser(devOpenid('dev-resident-1'))
    process.env.MINYI_DEV_SIGNIN = '1'
    process.env.NODE_ENV = 'development'
    const main = loadEntry('api')
    const answer = await main({
      action: 'session.me',
      input: { userId: 'dev-staff-1', openid: devOpenid('dev-staff-1'), role: 'admin' },
      requestId: 'prod-entry-0001',
      headers: { 'X-Dev-User': 'dev-staff-1', 'x-dev-user': 'dev-admin-1' },
      userInfo: { openId: devOpenid('dev-admin-1') },
      openid: devOpenid('dev-admin-1'),
    })
    expect(answer).toMatchObject({ ok: true, data: { id: 'dev-resident-1', role: 'resident' } })
  })

  it('with no OPENID in the context nobody is signed in, whatever the event says', async () => {
    asWeChatUser(null)
    const main = loadEntry('api')
    const answer = await main({ action: 'case.inbox', input: {}, headers: { 'X-Dev-User': 'dev-staff-1' }, userInfo: { openId: 'x' } })
    expect(answer).toMatchObject({ ok: false, error: { code: 'UNAUTHENTICATED' } })
  })

  it('runs a resident submission end to end on CloudBase and keeps the phone encrypted', async () => {
    asWeChatUser('o-real-wechat-user-1')
    const main = loadEntry('api')
    const submitted = await main({ action: 'case.submit', input: { ...validOpinion, phone: '13700001111' }, requestId: 'prod-entry-0002' })
    expect(submitted).toMatchObject({ ok: true, data: { trackingNo: expect.stringMatching(/^MY\d{8}-0001$/) } })
    const again = await main({ action: 'case.submit', input: { ...validOpinion, phone: '13700001111' }, requestId: 'prod-entry-0002' })
    expect(again).toEqual(submitted)

    const store = createCloudbaseStore(tcb.init(fake.sdkConfig))
    const stored = await store.collection<CaseDoc>('cases').get(submitted.data.id)
    expect(stored?.residentId).not.toBe('dev-resident-1')
    expect(JSON.stringify(stored)).not.toContain('13700001111')
    expect(stored?.phoneMasked).toBe('137****1111')

    // Staff of that station see it once the WeChat context says it is them.
    asWeChatUser(devOpenid('dev-staff-1'))
    const staffMain = loadEntry('api')
    const accepted = await staffMain({ action: 'case.accept', input: { caseId: submitted.data.id }, requestId: 'prod-entry-0003' })
    expect(accepted).toMatchObject({ ok: true, data: { status: 'accepted' } })
  })

  it('logs one JSON line per request: action, code, duration, and nothing personal', async () => {
    const openid = 'o-log-check-user-1'
    asWeChatUser(openid)
    const main = loadEntry('api')
    const lines: string[] = []
    const spy = jest.spyOn(console, 'log').mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
    try {
      await main({ action: 'case.submit', input: { ...validOpinion, phone: '13700002222', content: '张三家门口的路灯坏了很久，晚上出行不便。' }, requestId: 'prod-log-0001' })
      await main({ action: 'case.submit', input: { ...validOpinion, content: '' }, requestId: 'prod-log-0002' })
      await main({ action: '13700002222', input: {}, requestId: 'not a request id 13700002222' })
    } finally {
      spy.mockRestore()
    }
    expect(lines).toHaveLength(3)
    const parsed = lines.map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(parsed[0]).toEqual({ kind: 'request', fn: 'api', action: 'case.submit', code: 'OK', ms: expect.any(Number), requestId: 'prod-log-0001', identified: true })
    expect(parsed[1]).toMatchObject({ action: 'case.submit', code: 'INVALID_INPUT', requestId: 'prod-log-0002' })
    expect(parsed[2]).toMatchObject({ action: 'unknown', requestId: null })
    for (const line of lines) {
      expect(line).not.toContain(openid)
      expect(line).not.toContain('13700002222')
      expect(line).not.toContain('张三')
    }
  })

  it('refuses to run without the phone-number key', async () => {
    asWeChatUser(devOpenid('dev-resident-1'))
    const key = process.env.MINYI_PHONE_KEY
    delete process.env.MINYI_PHONE_KEY
    try {
      const main = loadEntry('api')
      expect(await main({ action: 'session.me', input: {} })).toMatchObject({ ok: false, error: { code: 'INTERNAL' } })
    } finally {
      process.env.MINYI_PHONE_KEY = key
    }
  })
})

describe('the deployed open311 function (HTTP-triggered)', () => {
  it('answers Open311 from CloudBase, in the spec’s format, whatever identity the event claims', async () => {
    const main = loadEntry('open311') as unknown as (event: unknown) => Promise<{ statusCode: number; headers: Record<string, string>; body: string }>
    const services = await main({ path: '/open311/v2/services.json', httpMethod: 'GET', headers: { 'x-forwarded-for': '203.0.113.9', 'X-Dev-User': 'dev-admin-1' }, queryStringParameters: {} })
    expect(services.statusCode).toBe(200)
    expect(services.headers['content-type']).toBe('application/json; charset=utf-8')
    expect((JSON.parse(services.body) as Array<{ service_code: string }>).map((s) => s.service_code)).toContain('housing')
    const requests = await main({ path: '/open311/v2/requests.json', httpMethod: 'GET', headers: {}, queryStringParameters: { status: 'open' } })
    expect(requests.statusCode).toBe(200)
    expect(Array.isArray(JSON.parse(requests.body))).toBe(true)
    const post = await main({ path: '/open311/v2/requests.json', httpMethod: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'api_key=nope&service_code=traffic' })
    expect(post.statusCode).toBe(401)
    expect(JSON.parse(post.body)).toEqual([{ code: 401, description: 'api_key 无效或已吊销' }])
  })
})

describe('the deployment manifest', () => {
  it('lists every collection the code uses, except the local push log', () => {
    const deployed = manifest.collections.map((c) => c.name).sort()
    expect(deployed).toEqual(COLLECTIONS.filter((name) => name !== 'push_log').sort())
  })
})

describe('the deployed timer function', () => {
  it('runs the scheduled jobs against CloudBase', async () => {
    const main = loadEntry('timer') as unknown as () => Promise<Record<string, unknown>>
    const report = await main()
    expect(report).toHaveProperty('outbox')
  })
})

describe('the development sign-in cannot reach a deployed function', () => {
  it('refuses to start where CloudBase runtime variables are present', () => {
    expect(() => assertLocalRuntime({ TCB_ENV: 'prod-env' })).toThrow(/cannot run in a deployed function/)
    expect(() => assertLocalRuntime({ SCF_FUNCTIONNAME: 'api' })).toThrow()
    expect(() => assertLocalRuntime({ WX_CONTEXT_KEYS: 'WX_OPENID' })).toThrow()
    expect(() => assertLocalRuntime({})).not.toThrow()
  })

  it('is not part of the bundles that get uploaded', async () => {
    const outDir = mkdtempSync(path.join(os.tmpdir(), 'minyi-fn-'))
    for (const name of ['api', 'timer', 'open311']) {
      const built = await buildFunction(name, path.join(outDir, `${name}.js`))
      expect(built.inputs.filter((file) => file.startsWith('server/'))).toEqual([])
      const code = readFileSync(built.outfile, 'utf8')
      expect(code).not.toMatch(/x-dev-user/i)
      expect(code).not.toContain('devIdentity')
    }
  }, 60_000)
})
