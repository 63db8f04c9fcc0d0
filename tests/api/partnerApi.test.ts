// Partner write access (issue 12): API keys created by the district's 人大机关 (shown once, stored
// hashed, scoped to the district, revocable → 401, audited), and `POST requests.json` filing a case
// into a station's inbox idempotently by the partner's own id, also under concurrent retries.
import { createHash } from 'node:crypto'
import { COLLECTIONS, type CollectionName } from '../../cloudfunctions/core/ports'
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import type { ApiKeyDoc, PartnerCaseDoc } from '../../cloudfunctions/core/domain/partners/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { addOtherDistrict, OTHER_DISTRICT_ADMIN } from './caseFixtures'
import { ADMIN, createPartnerKey, gatewayClient, partnerCase } from './partnerFixtures'

let h: Harness
afterEach(() => h?.close())

const STAFF = 'dev-staff-1' // 湖滨
const CUIYUAN_STAFF = 'dev-staff-2'

async function dump(): Promise<string> {
  const parts: string[] = []
  for (const name of COLLECTIONS) parts.push(JSON.stringify(await h.store.collection(name as CollectionName).find({}, { limit: 100_000 })))
  return parts.join('\n')
}

describe('API key lifecycle', () => {
  it('created by the admin, shown once, stored as a sha256 only; used; revoked → 401; every change audited', async () => {
    h = await createHarness()
    const created = await h.ok(ADMIN, 'admin.apiKey.create', { name: '市12345平台', stationId: 'station-hubin' }, 'createkey0001')
    const apiKey = created.shownOnce!.apiKey
    expect(apiKey).toMatch(/^myt_ak[0-9a-f]{12}_[A-Za-z0-9_-]{43}$/)
    expect(created.key).toMatchObject({ name: '市12345平台', stationName: '临江市滨湖区湖滨街道人大代表之家', status: 'active', statusLabel: '有效', casesFiled: 0 })
    expect(apiKey.startsWith(created.key.prefix.replace('…', ''))).toBe(true)
    // At rest: the hash, never the key (not in the key document, the audit trail or the request record).
    const doc = (await h.store.collection<ApiKeyDoc>('api_keys').get(created.key.id))!
    expect(doc.keyHash).toBe(createHash('sha256').update(apiKey).digest('hex'))
    expect(await dump()).not.toContain(apiKey)
    // A retry of the creating request answers the same key, without the secret.
    const retried = await h.ok(ADMIN, 'admin.apiKey.create', { name: '市12345平台', stationId: 'station-hubin' }, 'createkey0001')
    expect(retried).toEqual({ key: created.key, shownOnce: null })
    expect((await h.ok(ADMIN, 'admin.apiKey.list')).keys).toEqual([created.key])
    expect(JSON.stringify(await h.ok(ADMIN, 'admin.apiKey.list'))).not.toContain(apiKey)

    const client = gatewayClient(h)
    const filed = await client.postForm('/open311/v2/requests.json', partnerCase(apiKey, 'GD-1'))
    expect(filed.status).toBe(201)
    expect((await h.ok(ADMIN, 'admin.apiKey.list')).keys[0]).toMatchObject({ casesFiled: 1, lastUsedAt: '2026-11-23T02:00:00.000Z' })

    h.clock.advance(60_000)
    await h.ok(ADMIN, 'admin.apiKey.revoke', { keyId: created.key.id, reason: '合作协议到期' })
    const refused = await client.postForm('/open311/v2/requests.json', partnerCase(apiKey, 'GD-2'))
    expect(refused.status).toBe(401)
    expect(refused.json).toEqual([{ code: 401, description: 'api_key 无效或已吊销' }])
    expect((await h.call(ADMIN, 'admin.apiKey.revoke', { keyId: created.key.id, reason: '再次吊销' })).ok).toBe(false)

    const audit = (await h.ok(ADMIN, 'admin.audit.list', { objectType: 'apiKey' })).entries
    expect(audit.map((e) => [e.action, e.objectId, e.objectTypeLabel])).toEqual([
      ['revoke', created.key.id, '接口密钥'],
      ['create', created.key.id, '接口密钥'],
    ])
    expect(audit[0].summary).toBe('吊销接口密钥「市12345平台」：合作协议到期')
    expect(JSON.stringify(audit)).not.toContain(doc.keyHash)
  })

  it('wrong, malformed or missing keys are 401 and write nothing', async () => {
    h = await createHarness()
    const key = await createPartnerKey(h)
    const client = gatewayClient(h)
    const before = await dump()
    for (const apiKey of [key.apiKey.slice(0, -1) + (key.apiKey.endsWith('A') ? 'B' : 'A'), 'myt_ak000000000000_' + 'x'.repeat(43), 'hello', '']) {
      const answer = await client.postForm('/open311/v2/requests.json', partnerCase(apiKey, 'GD-9'))
      expect(answer.status).toBe(401)
    }
    expect(await dump()).toBe(before)
  })

  it('scoped to the admin’s district: another district’s admin neither sees nor revokes it, nor names our stations', async () => {
    h = await createHarness()
    await addOtherDistrict(h)
    const key = await createPartnerKey(h)
    expect((await h.ok(OTHER_DISTRICT_ADMIN, 'admin.apiKey.list')).keys).toEqual([])
    expect(await h.call(OTHER_DISTRICT_ADMIN, 'admin.apiKey.revoke', { keyId: key.id, reason: '试试' })).toEqual({ ok: false, error: { code: 'NOT_FOUND', message: '没有找到这个接口密钥，或您无权查看' } })
    // A key of 滨湖区 cannot file into 临湖区.
    const client = gatewayClient(h)
    const answer = await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-3', { station_code: 'LHJD' }))
    expect(answer.status).toBe(400)
    expect(answer.json).toEqual([{ code: 400, description: 'station_code 不是本密钥所属区的家站点' }])
  })
})

describe('POST requests.json files into a station’s inbox', () => {
  it('into the key’s default station, or the station_code named; contact fields sealed, shown masked to staff', async () => {
    h = await createHarness()
    const key = await createPartnerKey(h)
    const client = gatewayClient(h)
    const filed = await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-2026-1'))
    const [{ service_request_id: no }] = filed.json as Array<{ service_request_id: string }>
    const inbox = (await h.ok(STAFF, 'case.inbox', {})).cases
    const mine = inbox.find((c) => c.trackingNo === no)!
    expect(mine).toMatchObject({ stationId: 'station-hubin', status: 'submitted', category: 'environment' })
    const view = await h.ok(STAFF, 'case.get', { caseId: mine.id })
    expect(view).toMatchObject({ channel: 'partner', phoneMasked: '139****5678', place: '望湖路88号菜场门口' })
    expect(view.timeline[0]).toMatchObject({ type: 'submit', actor: '合作平台 市12345平台', note: '由合作平台「市12345平台」转来，对方编号 GD-2026-1' })
    const stored = (await h.store.collection<PartnerCaseDoc>('cases').get(mine.id))!
    expect(stored.partner).toMatchObject({ keyId: key.id, partnerRequestId: 'GD-2026-1', contactNameMasked: '张*', lat: 30.27415, long: 120.15515 })
    expect(JSON.stringify(stored)).not.toContain('13912345678')
    expect(JSON.stringify(stored)).not.toContain('zhangsan@example.com')
    expect(JSON.stringify(stored.partner)).not.toContain('张三')
    expect(h.deps.phoneVault.open(stored.partner!.contactNameSealed!)).toBe('张三')
    expect((await h.ok(STAFF, 'case.revealPhone', { caseId: mine.id })).phone).toBe('13912345678')

    // station_code: another station of the district; staff of that station see it.
    const elsewhere = await client.postJson('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-2026-2', { station_code: 'CYSQ', service_code: 'housing' }))
    expect(elsewhere.status).toBe(201)
    expect((await h.ok(CUIYUAN_STAFF, 'case.inbox', {})).cases.map((c) => c.category)).toContain('housing')
    // Bad input: a clear message, nothing stored.
    const before = await dump()
    for (const [change, message] of [
      [{ service_code: 'parking' }, '没有这个 service_code：parking'],
      [{ station_code: 'NOPE' }, '没有这个 station_code：NOPE'],
      [{ partner_request_id: '' }, '缺少 partner_request_id（合作方自己的工单编号）'],
      [{ phone: '12345' }, 'phone 格式不正确'],
      [{ description: '六合彩开奖号码，欢迎咨询' }, '内容未通过安全检查，请删除不当言辞或广告信息后再提交'],
    ] as const) {
      const answer = await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-bad', change as Record<string, string>))
      expect(answer.status === 400 || answer.status === 404).toBe(true)
      expect(answer.json).toEqual([{ code: answer.status, description: message }])
    }
    expect(await dump()).toBe(before)
  })

  it('idempotent by the partner’s id: 30 concurrent identical requests store exactly one case, all answered with its number', async () => {
    h = await createHarness()
    const key = await createPartnerKey(h)
    const client = gatewayClient(h)
    const answers = await Promise.all(Array.from({ length: 30 }, () => client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-RACE-1'))))
    const numbers = new Set(answers.map((a) => (a.json as Array<{ service_request_id: string }>)[0].service_request_id))
    expect(numbers.size).toBe(1)
    expect(answers.every((a) => a.status === 201 || a.status === 200)).toBe(true)
    expect(answers.filter((a) => a.status === 201).length).toBe(1)
    const cases = await h.store.collection<CaseDoc>('cases').find({ channel: 'partner' }, { limit: 100 })
    expect(cases).toHaveLength(1)
    expect(cases[0].trackingNo).toBe([...numbers][0])
    expect((await h.store.collection<ApiKeyDoc>('api_keys').get(key.id))!.casesFiled).toBe(1)
    // A later retry too; another partner id is another case; another key with the same partner id is its own.
    expect((await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-RACE-1'))).status).toBe(200)
    await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-RACE-2'))
    const other = await createPartnerKey(h, 'station-wanghu', '省12345平台')
    await client.postForm('/open311/v2/requests.json', partnerCase(other.apiKey, 'GD-RACE-1'))
    expect(await h.store.collection('cases').count({ channel: 'partner' })).toBe(3)
  })

  it('a burst of many partners’ orders with retries: every one filed once, none refused', async () => {
    h = await createHarness()
    const key = await createPartnerKey(h)
    const client = gatewayClient(h)
    const answers = await Promise.all(Array.from({ length: 200 }, (_, i) => client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, `GD-BURST-${i % 50}`))))
    expect(answers.filter((a) => a.status >= 300)).toEqual([])
    expect(await h.store.collection('cases').count({ channel: 'partner' })).toBe(50)
  })

  it('500 different orders at the same moment (no queue in the gateway): all 201, 500 distinct tracking numbers', async () => {
    h = await createHarness()
    const key = await createPartnerKey(h)
    const client = gatewayClient(h, { burst: 1e9, perSecond: 1e9 })
    const answers = await Promise.all(Array.from({ length: 500 }, (_, i) => client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, `GD-500-${i}`))))
    expect(answers.filter((a) => a.status !== 201).map((a) => `${a.status} ${a.text}`)).toEqual([])
    const numbers = answers.map((a) => (a.json as Array<{ service_request_id: string }>)[0].service_request_id)
    expect(new Set(numbers).size).toBe(500)
    expect(await h.store.collection('cases').count({ channel: 'partner' })).toBe(500)
  })
})
