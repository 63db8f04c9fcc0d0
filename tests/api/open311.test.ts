// Open311 GeoReport v2 (issue 12): the read API against the spec's own examples (every field name
// and type), filters and paging, errors in the spec's format, no personal data in any answer,
// the per-IP rate limit and the short cache.
import { CASE_STATUS_LABELS } from '@minyi/types'
import { createLocalServer } from '../../server/http'
import { devOpenid } from '../../server/devIdentity'
import { createGateway } from '../../cloudfunctions/core/open311/gateway'
import type { CaseDoc, UserDoc } from '../../cloudfunctions/core/domain/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { DISTRICT_OFFICE, STREET_OFFICE, submit } from './caseFixtures'
import { createPartnerKey, gatewayClient, partnerCase, type Answer } from './partnerFixtures'

let h: Harness
afterEach(() => h?.close())

const R1 = 'dev-resident-1' // 刘阿姨
const R2 = 'dev-resident-2' // 周大伯
const STAFF = 'dev-staff-1'

// The spec's examples (https://wiki.open311.org/GeoReport_v2), verbatim.
const SPEC_SERVICE = {
  service_code: '001',
  service_name: 'Cans left out 24x7',
  description: 'Garbage or recycling cans that have been left out for more than 24 hours after collection. Violators will be cited.',
  metadata: true,
  type: 'realtime',
  keywords: 'lorem, ipsum, dolor',
  group: 'sanitation',
}
const SPEC_DEFINITION = {
  service_code: 'DMV66',
  attributes: [{ variable: true, code: 'WHISHETN', datatype: 'singlevaluelist', required: true, datatype_description: null, order: 1, description: 'What is the ticket/tag/DL number?', values: [{ key: 123, name: 'Ford' }] }],
}
const SPEC_REQUEST = {
  service_request_id: 638344,
  status: 'closed',
  status_notes: 'Duplicate request.',
  service_name: 'Sidewalk and Curb Issues',
  service_code: '006',
  description: null,
  agency_responsible: null,
  service_notice: null,
  requested_datetime: '2010-04-14T06:37:38-08:00',
  updated_datetime: '2010-04-14T06:37:38-08:00',
  expected_datetime: '2010-04-15T06:37:38-08:00',
  address: '8TH AVE and JUDAH ST',
  address_id: 545483,
  zipcode: 94122,
  lat: 37.762221815,
  long: -122.4651145,
  media_url: 'http://city.gov.s3.amazonaws.com/requests/media/638344.jpg',
}
const SPEC_CREATED = { service_request_id: 293944, service_notice: 'The City will inspect and require the responsible party to correct within 24 hours and/or issue a Correction Notice or Notice of Violation of the Public Works Code', account_id: null }
const SPEC_ERROR = { code: 403, description: "Invalid api_key received -- can't proceed with create_request." }

/** The spec's text calls these "string" although its JSON example prints numbers. */
const STRING_IDS = new Set(['service_request_id', 'address_id', 'zipcode', 'service_code', 'account_id'])
/** Fields the spec allows to be empty (null in JSON). */
const MAY_BE_NULL = new Set(['status_notes', 'description', 'agency_responsible', 'service_notice', 'updated_datetime', 'expected_datetime', 'address', 'address_id', 'zipcode', 'lat', 'long', 'media_url', 'account_id'])
const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(Z|[+-]\d{2}:\d{2})$/

function conforms(ours: Record<string, unknown>, spec: Record<string, unknown>, what: string) {
  expect({ what, keys: Object.keys(ours).sort() }).toEqual({ what, keys: Object.keys(spec).sort() })
  for (const [key, example] of Object.entries(spec)) {
    const value = ours[key]
    if (value === null) {
      expect({ what, key, nullable: MAY_BE_NULL.has(key) || example === null }).toEqual({ what, key, nullable: true })
      continue
    }
    const expected = STRING_IDS.has(key) ? 'string' : example === null ? typeof value : Array.isArray(example) ? 'array' : typeof example
    expect({ what, key, type: Array.isArray(value) ? 'array' : typeof value }).toEqual({ what, key, type: expected })
    if (key.endsWith('_datetime')) expect(value).toMatch(ISO)
  }
}

const jpeg = () => Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1500, 7)])

/** Cases with every kind of personal data the product stores, and one not yet through moderation. */
async function seeded() {
  h = await createHarness()
  const photo = await h.files.put({ userId: R1, openid: devOpenid(R1) }, jpeg())
  if (!photo.ok) throw new Error('photo not stored')
  const withPhone = await submit(h, R1, {
    content: '湖滨路与望湖路交叉口红绿灯太短，我是刘阿姨，电话13800138000，身份证330102195001011234。',
    place: '望湖花园3幢2单元门口',
    phone: '13800138000',
    photos: [photo.fileId],
  })
  const review = await submit(h, R2, { content: '物业就是一群王八蛋，电梯坏了三个月没人修。', category: 'housing' })
  const replied = await submit(h, R2, { content: '小区门口路灯不亮，晚上出行不便。', category: 'utilities' })
  await h.ok(STAFF, 'case.answerOnSite', { caseId: replied, answer: '已联系路灯所维修，今晚恢复照明。' })
  const forwarded = await submit(h, R1, { content: '湖滨路夜间渣土车噪音很大，影响休息。', category: 'environment' })
  await h.ok(STAFF, 'case.forward', { caseId: forwarded, note: '需要街道协调，联系人刘阿姨13800138000' })
  await h.ok(STREET_OFFICE, 'case.forward', { caseId: forwarded, note: '涉及区级部门职责' })
  await h.ok(DISTRICT_OFFICE, 'case.transfer', { caseId: forwarded, unitId: 'unit-urban', note: '请联系刘阿姨' })
  // A partner's case with contact fields (sealed), and a reception walk-in named in the timeline.
  const key = await createPartnerKey(h)
  const client = gatewayClient(h)
  const filed = await client.postForm('/open311/v2/requests.json', partnerCase(key.apiKey, 'GD-2026-000123'))
  expect(filed.status).toBe(201)
  const cases = await h.store.collection<CaseDoc>('cases').find({}, { limit: 100 })
  const users = await h.store.collection<UserDoc>('users').find({}, { limit: 100 })
  return { withPhone, review, replied, forwarded, key, client, cases, users, photoId: photo.fileId }
}

describe('Open311 GeoReport v2: the spec’s paths, field names and types', () => {
  it('services.json lists our categories; services/{code}.json is each one’s definition', async () => {
    const { client } = await seeded()
    const services = await client.get('/open311/v2/services.json')
    expect(services.status).toBe(200)
    expect(services.headers['content-type']).toBe('application/json; charset=utf-8')
    const list = services.json as Array<Record<string, unknown>>
    expect(list.map((s) => s.service_code)).toEqual(['traffic', 'environment', 'housing', 'utilities', 'education', 'health', 'elderly', 'social_security', 'safety', 'economy', 'legal', 'other'])
    for (const s of list) conforms(s, SPEC_SERVICE, 'service')
    expect(list[0]).toMatchObject({ service_name: '道路交通', metadata: false, type: 'realtime' })
    const definition = await client.get('/open311/v2/services/housing.json')
    expect(definition.status).toBe(200)
    expect(Object.keys(definition.json as object).sort()).toEqual(Object.keys(SPEC_DEFINITION).sort())
    expect(definition.json).toEqual({ service_code: 'housing', attributes: [] })
  })

  it('requests.json answers public cases with exactly the spec’s fields, the tracking number as id', async () => {
    const s = await seeded()
    const answer = await s.client.get('/open311/v2/requests.json')
    expect(answer.status).toBe(200)
    const list = answer.json as Array<Record<string, unknown>>
    for (const r of list) conforms(r, SPEC_REQUEST, `request ${String(r.service_request_id)}`)
    const tracking = (id: string) => s.cases.find((c) => c._id === id)!.trackingNo
    // Moderation: the case flagged for review is not published; the others are, newest first.
    expect(list.map((r) => r.service_request_id)).not.toContain(tracking(s.review))
    expect(list).toHaveLength(4)
    const mine = list.find((r) => r.service_request_id === tracking(s.withPhone))!
    expect(mine).toMatchObject({ status: 'open', status_notes: CASE_STATUS_LABELS.submitted, service_code: 'traffic', service_name: '道路交通', media_url: null, agency_responsible: '临江市滨湖区湖滨街道人大代表之家' })
    // Digits masked, and the author's own name where the text mentions it.
    expect(mine.description).toBe('湖滨路与望湖路交叉口红绿灯太短，我是***，电话***********，身份证******************。')
    expect(mine.address).toBe('望湖花园*幢*单元门口')
    expect(mine.requested_datetime).toBe('2026-11-23T10:00:00+08:00')
    expect(list.find((r) => r.service_request_id === tracking(s.replied))).toMatchObject({ status: 'closed', status_notes: '已答复' })
    expect(list.find((r) => r.service_request_id === tracking(s.forwarded))).toMatchObject({ status: 'open', agency_responsible: '滨湖区城市管理局' })
    const partner = list.find((r) => r.service_code === 'environment' && r.lat !== null)!
    expect(partner).toMatchObject({ lat: 30.274, long: 120.155, address: '望湖路**号菜场门口' })
  })

  it('requests/{id}.json answers one, in a list as the spec says; unknown or unpublished ids are a 404 in the spec’s format', async () => {
    const s = await seeded()
    const no = s.cases.find((c) => c._id === s.replied)!.trackingNo
    const one = await s.client.get(`/open311/v2/requests/${no}.json`)
    expect(one.status).toBe(200)
    expect(one.json).toHaveLength(1)
    conforms((one.json as Array<Record<string, unknown>>)[0], SPEC_REQUEST, 'one request')
    for (const missing of [s.cases.find((c) => c._id === s.review)!.trackingNo, 'MY20260101-9999', s.replied]) {
      const answer = await s.client.get(`/open311/v2/requests/${missing}.json`)
      expect(answer.status).toBe(404)
      const [error] = answer.json as Array<Record<string, unknown>>
      conforms(error, SPEC_ERROR, 'error')
      expect(error.code).toBe(404)
    }
  })

  it('the POST answer and every error follow the spec’s shapes', async () => {
    const s = await seeded()
    const created = await s.client.postForm('/open311/v2/requests.json', partnerCase(s.key.apiKey, 'GD-2026-000124'))
    expect(created.status).toBe(201)
    conforms((created.json as Array<Record<string, unknown>>)[0], SPEC_CREATED, 'created')
    const errors: Answer[] = [
      await s.client.get('/open311/v2/requests.json?status=pending'),
      await s.client.get('/open311/v2/requests.json?start_date=yesterday'),
      await s.client.get('/open311/v2/requests.json?page_size=1000'),
      await s.client.get('/open311/v2/requests.json?service_code=parking'),
      await s.client.get('/open311/v2/services.xml'),
      await s.client.get('/open311/v2/services/parking.json'),
      await s.client.get('/open311/v2/nothing.json'),
      await s.client.send('DELETE', '/open311/v2/requests.json'),
      await s.client.postForm('/open311/v2/requests.json', { ...partnerCase(s.key.apiKey, 'x1'), api_key: 'myt_ak000000000000_wrongwrongwrongwrongwrongwrongwrong' }),
      await s.client.postForm('/open311/v2/requests.json', partnerCase(s.key.apiKey, 'x2', { description: '太短' })),
    ]
    expect(errors.map((e) => e.status)).toEqual([400, 400, 400, 400, 400, 404, 404, 405, 401, 400])
    for (const e of errors) {
      const list = e.json as Array<Record<string, unknown>>
      expect(list).toHaveLength(1)
      conforms(list[0], SPEC_ERROR, `error ${e.status}`)
      expect(list[0].code).toBe(e.status)
      expect(list[0].description).toMatch(/[\u4e00-\u9fa5]/)
    }
  })
})

describe('requests.json filters and paging', () => {
  it('status, service_code, start_date / end_date, page and page_size', async () => {
    const s = await seeded()
    const ids = async (query: string) => ((await s.client.get(`/open311/v2/requests.json${query}`)).json as Array<{ service_request_id: string; status: string; service_code: string }>)
    expect((await ids('?status=closed')).map((r) => r.status)).toEqual(['closed'])
    expect((await ids('?status=open')).every((r) => r.status === 'open')).toBe(true)
    expect((await ids('?status=open,closed')).length).toBe(4)
    expect((await ids('?service_code=environment')).map((r) => r.service_code)).toEqual(['environment', 'environment'])
    expect((await ids('?service_code=traffic,utilities')).map((r) => r.service_code).sort()).toEqual(['traffic', 'utilities'])
    expect(await ids('?start_date=2026-11-24T00:00:00%2B08:00')).toEqual([])
    expect(await ids('?end_date=2026-11-22T23:59:59%2B08:00')).toEqual([])
    expect((await ids('?start_date=2026-11-23&end_date=2026-11-23T23:59:59Z')).length).toBe(4)
    const all = await ids('')
    const page1 = await ids('?page_size=3')
    const page2 = await ids('?page_size=3&page=2')
    expect(page1).toEqual(all.slice(0, 3))
    expect(page2).toEqual(all.slice(3))
    expect(await ids(`?service_request_id=${all[1].service_request_id},${all[3].service_request_id}`)).toHaveLength(2)
  })
})

describe('no personal data ever leaves through Open311', () => {
  it('scans every answer for names, phones, openids, resident ids, db ids, photos and partner contacts', async () => {
    const s = await seeded()
    const bodies: string[] = []
    const take = async (a: Promise<Answer>) => bodies.push((await a).text)
    await take(s.client.get('/open311/v2/services.json'))
    for (const q of ['', '?status=open', '?status=closed', '?page_size=1&page=2', '?service_code=environment', '?start_date=2026-01-01T00:00:00Z']) {
      await take(s.client.get(`/open311/v2/requests.json${q}`))
    }
    for (const c of s.cases) await take(s.client.get(`/open311/v2/requests/${c.trackingNo}.json`))
    await take(s.client.postForm('/open311/v2/requests.json', partnerCase(s.key.apiKey, 'GD-2026-000123')))
    await take(s.client.postForm('/open311/v2/requests.json', partnerCase(s.key.apiKey, 'GD-2026-000999', { station_code: 'LHJD' })))
    const all = bodies.join('\n')
    expect(bodies.length).toBeGreaterThan(10)
    const forbidden = [
      ...s.users.map((u) => u.name),
      ...s.users.map((u) => u.openid),
      ...s.users.map((u) => u._id),
      ...s.cases.map((c) => c._id),
      ...s.cases.flatMap((c) => (c.phoneSealed ? [c.phoneSealed] : [])),
      ...s.cases.flatMap((c) => (c.phoneMasked ? [c.phoneMasked] : [])),
      s.photoId,
      'local:',
      '张三',
      '张*',
      'zhangsan@example.com',
      '13800138000',
      '13912345678',
      '330102195001011234',
      s.key.apiKey,
      s.key.id,
      'partner:',
      'GD-2026-000123',
      '需要街道协调',
      '请联系',
    ]
    for (const value of forbidden) expect({ value, found: all.includes(value) }).toEqual({ value, found: false })
    expect(all).not.toMatch(/1[3-9]\d{9}/)
    expect(all).not.toMatch(/\d{3}\*{4}\d{4}/)
  })
})

describe('rate limit per client IP and the short cache', () => {
  it('a token bucket per IP: over the burst answers 429 with Retry-After; refills with time; other IPs unaffected', async () => {
    h = await createHarness()
    const client = gatewayClient(h, { burst: 3, perSecond: 1 })
    const statuses = []
    for (let i = 0; i < 4; i += 1) statuses.push((await client.get('/open311/v2/services.json', {}, '198.51.100.1')).status)
    expect(statuses).toEqual([200, 200, 200, 429])
    const limited = await client.get('/open311/v2/services.json', {}, '198.51.100.1')
    expect(limited.headers['retry-after']).toBe('1')
    expect(limited.json).toEqual([{ code: 429, description: '请求过于频繁，请稍后再试' }])
    expect((await client.get('/open311/v2/services.json', {}, '198.51.100.2')).status).toBe(200)
    h.clock.advance(2000)
    expect((await client.get('/open311/v2/services.json', {}, '198.51.100.1')).status).toBe(200)
  })

  it('GETs carry Cache-Control and an ETag; If-None-Match answers 304; the answer is kept for the TTL only', async () => {
    h = await createHarness()
    const client = gatewayClient(h, { burst: 100, perSecond: 10, cacheSeconds: 30 })
    await submit(h, R1)
    const first = await client.get('/open311/v2/requests.json')
    expect(first.headers['cache-control']).toBe('public, max-age=30')
    expect(first.headers.etag).toMatch(/^".+"$/)
    expect((await client.get('/open311/v2/requests.json', { 'if-none-match': first.headers.etag })).status).toBe(304)
    await submit(h, R2, { content: '望湖路人行道砖块松动，老人容易绊倒。' })
    h.clock.advance(10_000)
    const cached = await client.get('/open311/v2/requests.json')
    expect(cached.text).toBe(first.text)
    h.clock.advance(25_000)
    const fresh = await client.get('/open311/v2/requests.json')
    expect((fresh.json as unknown[]).length).toBe(2)
    expect(fresh.headers.etag).not.toBe(first.headers.etag)
  })
})

describe('the local runtime serves it at /open311/v2/', () => {
  it('over HTTP, with the socket address as the client', async () => {
    h = await createHarness()
    await submit(h, R1)
    const server = createLocalServer({ api: h.api, store: h.store, staticDir: '/nonexistent', qrDir: '/nonexistent', gateway: createGateway(h.deps) })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    try {
      const { port } = server.address() as { port: number }
      const services = await fetch(`http://127.0.0.1:${port}/open311/v2/services.json`)
      expect(services.status).toBe(200)
      expect(((await services.json()) as unknown[]).length).toBe(12)
      const requests = await fetch(`http://127.0.0.1:${port}/open311/v2/requests.json?status=open`)
      expect(((await requests.json()) as Array<{ status: string }>)[0].status).toBe('open')
      const missing = await fetch(`http://127.0.0.1:${port}/open311/v2/requests/MY20990101-0001.json`)
      expect(missing.status).toBe(404)
      expect(await missing.json()).toEqual([{ code: 404, description: '没有找到公开的民意 MY20990101-0001' }])
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
  })
})
