// 履职档案 and the dashboards through the router: figures after real case flows, scope (a station's
// staff never see another station's figures or records of deputies outside their scope), rollups that
// stay equal to a recount under 50 concurrent requests, Excel export with masked phones and its audit
// record, the annual report PDF, activities and the 述职评议 result.
import ExcelJS from 'exceljs'
import type { UserDoc } from '../../cloudfunctions/core/domain/records'
import { rebuildRollups, recountFromCases, storedRollups } from '../../cloudfunctions/core/application/insight/rollups'
import { devOpenid } from '../../server/devIdentity'
import { createHarness, type Harness } from '../support/apiHarness'
import { readPdf } from '../support/pdfText'
import { CHINESE, DISTRICT_OFFICE, OTHER_DISTRICT_ADMIN, STREET_OFFICE, addOtherDistrict, refusal, submit, transferViaOffices } from './caseFixtures'
import { runDeadlineJob } from '../../cloudfunctions/core/jobs/deadlineJob'

let h: Harness
afterEach(() => h?.close())

const NOW = '2026-11-23T02:00:00.000Z'
const STAFF = 'dev-staff-1' // 湖滨
const CUIYUAN_STAFF = 'dev-staff-2'
const ADMIN = 'dev-admin-1'
const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨
const CUIYUAN_DEPUTY = 'dev-deputy-3'
const R1 = 'dev-resident-1'
const R2 = 'dev-resident-2'

async function addResidents(n: number): Promise<string[]> {
  const ids = Array.from({ length: n }, (_, i) => `dev-res-x${i}`)
  for (const id of ids) {
    const doc: UserDoc = { _id: id, openid: devOpenid(id), role: 'resident', name: `居民${id}`, stationIds: [], deputyId: null, regionId: 'region-binhu', credits: {}, createdAt: NOW }
    await h.store.collection<UserDoc>('users').insert(doc)
  }
  return ids
}

describe('figures after real case flows', () => {
  it('received, concluded, on time, satisfied; declined and merged cases; the deputy’s record', async () => {
    h = await createHarness({ now: NOW })
    const before = await h.ok(STAFF, 'insight.dashboard', {})
    const a = await submit(h, R1, { phone: '13800138000' })
    const b = await submit(h, R2, { content: '湖滨路夜里渣土车噪音太大，影响老人休息。', category: 'environment' })
    const c = await submit(h, R2, { content: '望湖路口的红绿灯太短了，老人走不过去。' })
    const d = await submit(h, R1, { content: '小区门口有人打官司的事情想请代表帮忙干预一下。', category: 'legal' })
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: a, answer: '已联系交警部门调整信号灯配时。' })
    await h.ok(R1, 'case.rate', { caseId: a, rating: 'satisfied' })
    await h.ok(STAFF, 'case.merge', { caseId: c, intoCaseId: b, note: '同类' })
    await h.ok(STAFF, 'case.decline', { caseId: d, reason: '涉及诉讼', guidance: '请向法院咨询' })
    const after = await h.ok(STAFF, 'insight.dashboard', {})
    expect(after.received - before.received).toBe(4)
    expect(after.closureRate.numerator - before.closureRate.numerator).toBe(2) // closed a + declined d
    expect(after.satisfactionRate.numerator - before.satisfactionRate.numerator).toBe(1)
    expect(after.closureRate.definition).toMatch(/办结率/)
    expect(after.byCategory.find((x) => x.key === 'legal')?.count).toBeGreaterThanOrEqual(1)
    expect(after.byChannel.reduce((s, x) => s + x.count, 0)).toBe(after.received)
    const record = await h.ok(DEPUTY, 'record.get', { year: 2026 })
    expect(record.figures.answeredOnSite).toBe(1)
    expect(record.figures.rated).toBeGreaterThanOrEqual(1)
    expect(record.points.lines.find((l) => l.key === 'onsite')?.points).toBe(1)
    expect(record.points.score).toBeGreaterThan(0)
  })
})

describe('overdue and 督办 lists, unit ranking, the recount', () => {
  it('a transferred case past its limit is listed overdue and, once the job supervised it, under 督办; a late answer is not on time', async () => {
    h = await createHarness({ now: NOW })
    const id = await submit(h, R1)
    const holder = await transferViaOffices(h, id)
    h.clock.advance(40 * 24 * 3600_000)
    let view = await h.ok(ADMIN, 'insight.dashboard', {})
    expect(view.overdue.map((c) => c.id)).toContain(id)
    expect(view.supervised.map((c) => c.id)).not.toContain(id)
    await runDeadlineJob(h.deps)
    view = await h.ok(ADMIN, 'insight.dashboard', {})
    expect(view.supervised.find((c) => c.id === id)).toMatchObject({ holder: '滨湖区城市管理局' })
    expect((await h.ok(STAFF, 'insight.dashboard', {})).overdue.map((c) => c.id)).toContain(id)
    expect((await h.ok('dev-staff-2', 'insight.dashboard', {})).overdue).toEqual([])
    await h.ok(holder, 'case.recordUnitAnswer', { caseId: id, answer: '已安排人员调整信号灯配时。' })
    await h.ok(R1, 'case.rate', { caseId: id, rating: 'satisfied' })
    view = await h.ok(ADMIN, 'insight.dashboard', { from: '2026-11', to: '2026-11' })
    expect(view.units.find((u) => u.id === 'unit-urban')).toMatchObject({ count: 1, onTimeRate: 0, satisfactionRate: 100 })
    expect(view.overdue).toEqual([])
  })

  it('rebuildRollups repairs buckets that lost a difference', async () => {
    h = await createHarness({ now: NOW })
    await submit(h, R1)
    await h.store.collection('insight_rollups').update({}, { inc: { 'counts.n': 7 } })
    expect(await storedRollups(h.store)).not.toEqual(await recountFromCases(h.store))
    await rebuildRollups(h.store)
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
  })
})

describe('scope', () => {
  it('station staff see only their station; another station or deputy is refused and nothing is written', async () => {
    h = await createHarness({ now: NOW })
    await addOtherDistrict(h)
    await submit(h, R1, { stationCode: 'CYSQ', category: 'housing', content: '翠苑小区加装电梯进展缓慢，希望推动' })
    const mine = await h.ok(STAFF, 'insight.dashboard', {})
    expect(mine.stationOptions.map((s) => s.id)).toEqual(['station-hubin'])
    expect(mine.byStation.map((s) => s.key)).toEqual(['station-hubin'])
    const refused = refusal(await h.call(STAFF, 'insight.dashboard', { stationId: 'station-cuiyuan' }))
    expect(refused).toMatchObject({ code: 'FORBIDDEN', message: '您不能查看其他家站点的统计' })
    expect(refusal(await h.call(STAFF, 'record.get', { deputyId: 'deputy-3', year: 2026 }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(DEPUTY, 'record.get', { deputyId: 'deputy-3' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(CUIYUAN_STAFF, 'record.report', { deputyId: 'deputy-1' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(OTHER_DISTRICT_ADMIN, 'record.get', { deputyId: 'deputy-1' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(OTHER_DISTRICT_ADMIN, 'insight.dashboard', { stationId: 'station-hubin' }))).toMatchObject({ code: 'FORBIDDEN' })
    expect(refusal(await h.call(CUIYUAN_STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'inspection', date: '2026-11-02', title: '视察老旧小区改造' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(R1, 'insight.dashboard', {}))).toMatchObject({ code: 'FORBIDDEN' })
    expect(refusal(await h.call(STAFF, 'record.recordAssessment', { deputyId: 'deputy-1', year: 2026, result: '满意' }))).toMatchObject({ code: 'FORBIDDEN', message: '只有人大机关可以记录述职评议结果' })
    // deputies the staff may open: their station's only
    const { deputies } = await h.ok(STAFF, 'record.deputies', {})
    expect(deputies.map((d) => d.id).sort()).toEqual(['deputy-1', 'deputy-2', 'deputy-5'])
    // the admin sees the district; the street office its street
    const all = await h.ok(ADMIN, 'insight.dashboard', {})
    expect(all.stationOptions.length).toBe(3)
    expect(all.byStation.find((s) => s.key === 'station-cuiyuan')?.count).toBeGreaterThanOrEqual(1)
    const street = await h.ok(STREET_OFFICE, 'insight.dashboard', {})
    expect(street.stationOptions.length).toBeGreaterThanOrEqual(1)
    expect(await h.ok(DISTRICT_OFFICE, 'insight.dashboard', {})).toBeTruthy()
  })
})

describe('rollups stay equal to a recount under concurrency', () => {
  it('50 concurrent submissions, then 50 concurrent seconds of one case and 50 concurrent moves', async () => {
    h = await createHarness({ now: NOW, config: { dailySubmissionLimit: 1000 } })
    const residents = await addResidents(50)
    const ids = await Promise.all(residents.map((r, i) => submit(h, r, { content: `湖滨路第${i}号路灯不亮了，晚上出行很不方便。`, category: i % 2 ? 'utilities' : 'traffic' })))
    const target = ids[0]
    await Promise.all(residents.slice(1).map((r) => h.call(r, 'case.second', { caseId: target, stationCode: 'HBJD' })))
    await Promise.all(ids.slice(1).map((id, i) => (i % 2 ? h.call(STAFF, 'case.accept', { caseId: id }) : h.call(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' }))))
    await Promise.all(ids.slice(1).map((id, i) => (i % 2 ? Promise.resolve() : h.call(residents[i + 1], 'case.rate', { caseId: id, rating: i % 4 ? 'satisfied' : 'unsatisfied' }))))
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
    const view = await h.ok(STAFF, 'insight.dashboard', {})
    expect(view.seconds).toBeGreaterThanOrEqual(49)
  })
})

describe('export, report, activities, assessment', () => {
  it('exports the cases of a period with Chinese headers and masked phones, recorded in the audit trail', async () => {
    h = await createHarness({ now: NOW })
    await submit(h, R1, { phone: '13800138000' })
    const file = await h.ok(ADMIN, 'insight.export', { table: 'cases', from: '2026-11', to: '2026-11' })
    const book = new ExcelJS.Workbook()
    await book.xlsx.load(Buffer.from(file.contentBase64, 'base64') as never)
    const ws = book.worksheets[0]
    expect(ws.getRow(1).values).toEqual(expect.arrayContaining(['编号', '联系电话', '反映内容']))
    const text = JSON.stringify(ws.getSheetValues())
    expect(text).toContain('138****8000')
    expect(text).not.toContain('13800138000')
    const { entries } = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'export' })
    expect(entries[0]).toMatchObject({ objectType: 'export', objectId: 'cases' })
    expect(entries[0].summary).toMatch(/导出民意件明细/)
    const stations = await h.ok(STAFF, 'insight.export', { table: 'stations' })
    expect(stations.rows).toBe(1)
    expect(refusal(await h.call(STAFF, 'insight.export', { table: 'cases', stationId: 'station-cuiyuan' }))).toMatchObject({ code: 'FORBIDDEN' })
  })

  it('activities and the assessment feed the record and the annual report PDF', async () => {
    h = await createHarness({ now: NOW })
    const bad = refusal(await h.call(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'trip', date: '2026-11-02', title: '视察' }))
    expect(bad.code).toBe('INVALID_INPUT')
    expect(bad.message).toMatch(CHINESE)
    await h.ok(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'inspection', date: '2026-11-02', title: '视察老旧小区加装电梯', evidence: '照片3张' })
    await h.ok(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'report', date: '2026-11-10', title: '向选民述职' })
    const assessed = await h.ok(ADMIN, 'record.recordAssessment', { deputyId: 'deputy-1', year: 2026, result: '满意', note: '选民评议满意率96%' })
    expect(assessed.assessment).toMatchObject({ result: '满意' })
    const record = await h.ok(DEPUTY, 'record.get', {})
    expect(record.activities.map((a) => a.kindLabel)).toEqual(['视察', '述职'])
    expect(record.points.lines.find((l) => l.key === 'report')?.points).toBe(5)
    expect(record.mayEdit).toBe(false)
    const pub = await h.ok(R1, 'record.public', { code: 'DB01' })
    expect(pub.activities).toBe(2)
    expect(JSON.stringify(pub)).not.toContain('视察')
    const report = await h.ok(DEPUTY, 'record.report', { year: 2026 })
    const pdf = await readPdf(Buffer.from(report.contentBase64, 'base64'))
    expect(pdf.text).toContain('述职报告')
    expect(pdf.text).toContain('视察老旧小区加装电梯')
    expect(pdf.text).toContain('选民评议')
    expect(pdf.text).toContain('已记录评议结果：满意')
    const audit = await h.ok(ADMIN, 'admin.audit.list', { objectType: 'performance_record' })
    expect(audit.entries.length).toBe(3)
  })

  it('an activity retried after the router forgot the request is not added twice', async () => {
    h = await createHarness({ now: NOW })
    const input = { deputyId: 'deputy-1', kind: 'training', date: '2026-11-02', title: '参加履职培训' }
    await h.ok(STAFF, 'record.addActivity', input, 'activityretry0001')
    await h.store.collection('requests').remove({})
    const again = await h.ok(STAFF, 'record.addActivity', input, 'activityretry0001')
    expect(again.activities.length).toBe(1)
    expect((await h.ok(ADMIN, 'admin.audit.list', { objectType: 'performance_record' })).entries.length).toBe(1)
  })

  it('reception days on duty: attended when minutes were saved, missed when past without minutes; later days do not count', async () => {
    h = await createHarness({ now: NOW })
    const day = (id: string, date: string, minutes: boolean) => ({
      _id: id, stationId: 'station-hubin', date, status: 'scheduled', duty: [{ deputyId: 'deputy-1', name: '王建国' }],
      minutes: minutes ? { summary: '接待群众3人', attendance: 3, walkIns: 1, booked: 2, noShows: 0, matters: 2, deputies: ['王建国'], savedAt: NOW, savedBy: STAFF } : null,
    })
    const days = h.store.collection('reception_occurrences')
    await days.insert(day('occ-a', '2026-10-20', true) as never)
    await days.insert(day('occ-b', '2026-11-02', false) as never)
    await days.insert(day('occ-c', '2026-12-20', false) as never)
    await days.insert({ ...day('occ-d', '2026-09-20', true), duty: [{ deputyId: 'deputy-3', name: '陈志强' }] } as never)
    const record = await h.ok(DEPUTY, 'record.get', { year: 2026 })
    expect(record.figures).toMatchObject({ dutiesAttended: 1, dutiesMissed: 1 })
    expect(record.points.lines.find((l) => l.key === 'absence')?.points).toBe(-2)
  })

  it('a district’s own points scheme replaces the default', async () => {
    h = await createHarness({ now: NOW })
    await h.store.collection('regions').update({ _id: 'region-binhu' }, { set: { pointsScheme: { name: '滨湖区代表履职积分', total: 100, items: [{ key: 'report', label: '述职', metrics: ['activity.report'], points: 50, cap: 100 }] } } })
    await h.ok(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'report', date: '2026-11-10', title: '向选民述职' })
    const record = await h.ok(STAFF, 'record.get', { deputyId: 'deputy-1', year: 2026 })
    expect(record.points).toMatchObject({ scheme: '滨湖区代表履职积分', score: 50 })
  })
})

describe('hot spots', () => {
  it('clusters recurring themes across stations, with a prefilled draft a deputy turns into a suggestion', async () => {
    h = await createHarness({ now: NOW, config: { dailySubmissionLimit: 100 } })
    const texts = ['湖滨路路灯不亮，晚上很黑。', '望湖花园门口路灯坏了好几天。', '湖滨小学附近路灯不亮，孩子放学不安全。', '菜场后面路灯坏了，老人摔倒过。']
    for (const [i, t] of texts.entries()) await submit(h, i % 2 ? R2 : R1, { content: t, category: 'utilities', place: `地点${i}` })
    await submit(h, R1, { stationCode: 'CYSQ', content: '翠苑一区路灯不亮很久了。', category: 'utilities' })
    const { hotspots } = await h.ok(ADMIN, 'insight.hotspots', {})
    const lamp = hotspots.find((x) => x.terms.includes('路灯'))
    expect(lamp).toBeTruthy()
    expect(lamp!.count).toBe(5)
    expect(lamp!.stations.length).toBe(2)
    expect(lamp!.draft.title).toMatch(/建议/)
    // the deputy drafts from a hot spot of their stations with the existing suggestion action
    const mine = await h.ok(DEPUTY, 'insight.hotspots', {})
    const spot = mine.hotspots.find((x) => x.terms.includes('路灯'))!
    const draft = await h.ok(DEPUTY, 'suggestion.create', { title: spot.draft.title, body: spot.draft.body, caseIds: spot.caseIds })
    expect(draft.cases.length).toBe(4)
    expect(refusal(await h.call(CUIYUAN_DEPUTY, 'insight.hotspots', { stationId: 'station-hubin' }))).toMatchObject({ code: 'FORBIDDEN' })
  })
})
