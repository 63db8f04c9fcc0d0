// Issue 8 follow-ups through the router: the 履职档案 per deputy and term (届, data on the district;
// a term spanning years sums its years, from the same rollups), and rollups that lose nothing when a
// process dies half-way (the claim keeps the difference pending on the case; each bucket applies a
// (case, revision) once; the timer job finishes what a crash left).
import type { CaseDoc } from '../../cloudfunctions/core/domain/records'
import type { Store } from '../../cloudfunctions/core/ports'
import { applyOnce, decode, finishPending, recountFromCases, storedRollups, type CaseInsight, type RollupDoc } from '../../cloudfunctions/core/application/insight/rollups'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import { readPdf } from '../support/pdfText'
import { createHarness, type Harness } from '../support/apiHarness'
import { hookedStore, refusal, submit } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())

const NOW = '2026-11-23T02:00:00.000Z'
const STAFF = 'dev-staff-1'
const CUIYUAN_STAFF = 'dev-staff-2'
const ADMIN = 'dev-admin-1'
const DEPUTY = 'dev-deputy-1' // 王建国, 湖滨
const R1 = 'dev-resident-1'
const ROLLUP_FIGURES = ['casesReceived', 'answeredOnSite', 'passedOn', 'visitsRecorded', 'rated', 'satisfied', 'suggestionsDrafted'] as const

async function answeredCase(at: string, rating?: 'satisfied' | 'unsatisfied'): Promise<string> {
  h.clock.set(at)
  const id = await submit(h, R1, { content: `湖滨路${at.slice(0, 10)}路灯不亮了，晚上出行很不方便。` })
  await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' })
  if (rating) await h.ok(R1, 'case.rate', { caseId: id, rating })
  return id
}

describe('履职档案 per deputy and term (届)', () => {
  it('a record over a term that spans years sums the years; the default is the current term; the report names the term', async () => {
    h = await createHarness({ now: NOW })
    await answeredCase('2024-05-08T02:00:00.000Z', 'satisfied')
    await answeredCase('2025-03-12T02:00:00.000Z', 'unsatisfied')
    await answeredCase('2025-09-03T02:00:00.000Z')
    await answeredCase('2026-11-18T02:00:00.000Z', 'satisfied')
    h.clock.set(NOW)
    await h.ok(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'inspection', date: '2025-06-02', title: '视察老旧小区改造' })
    await h.ok(STAFF, 'record.addActivity', { deputyId: 'deputy-1', kind: 'report', date: '2026-11-10', title: '向选民述职' })

    const term = await h.ok(DEPUTY, 'record.get', {})
    expect(term.termOfOffice).toMatchObject({ id: 'term-17', name: '第十七届', from: '2022-01-01', to: '2026-12-31' })
    expect(term.period).toEqual({ kind: 'term', from: '2022-01-01', to: '2026-12-31' })
    expect(term.term).toBe('第十七届（2022年1月—2026年12月）')
    expect(term.years).toEqual([2022, 2023, 2024, 2025, 2026])
    expect(term.terms.map((t) => t.name)).toEqual(['第十六届', '第十七届'])
    expect(term.year).toBe(2026)
    expect(term.figures.answeredOnSite).toBe(4)
    expect(term.activities.map((a) => a.title)).toEqual(['视察老旧小区改造', '向选民述职'])

    const years = await Promise.all(term.years.map((year) => h.ok(DEPUTY, 'record.get', { termId: 'term-17', year })))
    for (const key of ROLLUP_FIGURES) expect(term.figures[key]).toBe(years.reduce((s, y) => s + y.figures[key], 0))
    expect(term.activities.length).toBe(years.reduce((s, y) => s + y.activities.length, 0))
    expect(years.map((y) => y.figures.answeredOnSite)).toEqual([0, 0, 1, 2, 1])
    expect(years[3]).toMatchObject({ year: 2025, term: '2025年度（第十七届）', period: { kind: 'year', from: '2025-01-01', to: '2025-12-31' } })
    expect(term.figures.satisfactionRate).toBe(66.7) // 2 of 3 rated, over the term (not an average of the years)

    // A year given alone finds its term; the previous term holds nothing of this.
    expect((await h.ok(DEPUTY, 'record.get', { year: 2025 })).termOfOffice.id).toBe('term-17')
    const old = await h.ok(DEPUTY, 'record.get', { termId: 'term-16' })
    expect(old).toMatchObject({ year: 2021, period: { kind: 'term', from: '2017-01-01', to: '2021-12-31' } })
    expect(old.figures.answeredOnSite).toBe(0)

    // 述职 is yearly within a term: the report of the current term's current year names the term.
    const report = await h.ok(DEPUTY, 'record.report', { termId: 'term-17' })
    expect(report.fileName).toBe('王建国2026年度述职报告.pdf')
    const pdf = await readPdf(Buffer.from(report.contentBase64, 'base64'))
    expect(pdf.text).toContain('第十七届')
    expect(pdf.text).toContain('2022-01-01')
  })

  it('bad term input is refused in Chinese; a district without terms gets five-year terms by the default rule', async () => {
    h = await createHarness({ now: NOW })
    expect(refusal(await h.call(DEPUTY, 'record.get', { termId: 'term-99' }))).toMatchObject({ code: 'INVALID_INPUT', message: '没有这一届次' })
    expect(refusal(await h.call(DEPUTY, 'record.get', { termId: 'term-16', year: 2026 }))).toMatchObject({ code: 'INVALID_INPUT', message: '2026年不在第十六届任期内' })
    expect(refusal(await h.call(DEPUTY, 'record.get', { termId: '第十七届' }))).toMatchObject({ code: 'INVALID_INPUT', message: '届次格式不正确' })
    await h.store.collection('regions').update({ _id: 'region-binhu' }, { unset: ['terms'] })
    const r = await h.ok(DEPUTY, 'record.get', {})
    expect(r.termOfOffice).toEqual({ id: 't2022', name: '2022—2026年任期', from: '2022-01-01', to: '2026-12-31' })
    expect(r.terms.map((t) => t.id)).toEqual(['t2017', 't2022'])
    // Bad data on the district falls back to the rule too.
    await h.store.collection('regions').update({ _id: 'region-binhu' }, { set: { terms: [{ id: 'x', name: '坏数据' }] } })
    expect((await h.ok(DEPUTY, 'record.get', {})).termOfOffice.id).toBe('t2022')
  })

  it('scope rules are unchanged with a term: another station’s staff and another deputy are refused', async () => {
    h = await createHarness({ now: NOW })
    expect(refusal(await h.call(CUIYUAN_STAFF, 'record.get', { deputyId: 'deputy-1', termId: 'term-17' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(CUIYUAN_STAFF, 'record.report', { deputyId: 'deputy-1', termId: 'term-17' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect(refusal(await h.call(DEPUTY, 'record.get', { deputyId: 'deputy-3', termId: 'term-17' }))).toMatchObject({ code: 'NOT_FOUND' })
    expect((await h.ok(ADMIN, 'record.get', { deputyId: 'deputy-1', termId: 'term-17' })).mayAssess).toBe(true)
  })
})

/**
 * A store where the process "dies" in the rollup fan-out: `failOn(n)` lets the first n-1 buckets be
 * counted, then every rollup operation fails (the rest of that request included) until `revive()`.
 */
async function storeDyingMidFanOut(): Promise<{ store: Store; failOn: (nth: number) => void; revive: () => void }> {
  let failAt: number | null = null
  let dead = false
  let seen = new Set<string>()
  const store = await hookedStore({
    before: (collection, method, args) => {
      if (collection !== 'insight_rollups' || !['update', 'insert', 'get'].includes(method)) return
      if (dead) throw new Error('the function is gone')
      if (failAt === null) return
      const id = method === 'get' ? String(args[0]) : String((args[0] as { _id?: unknown })._id)
      seen.add(id)
      if (seen.size >= failAt) {
        failAt = null
        dead = true
        throw new Error('the function timed out')
      }
    },
  })
  return { store, failOn: (nth) => ((failAt = nth), (seen = new Set())), revive: () => (dead = false) }
}

const inner = (s: Store): Store => (s as unknown as { inner: Store }).inner
const insightOf = async (id: string) => ((await h.store.collection<CaseDoc & { insight?: CaseInsight }>('cases').get(id))!).insight

describe('rollups lose nothing when a process dies half-way', () => {
  it('a store failing after the claim: the case keeps the difference pending; the timer job completes it after a minute', async () => {
    const { store, failOn, revive } = await storeDyingMidFanOut()
    h = await createHarness({ now: NOW, store })
    const id = await submit(h, R1)
    failOn(2) // the first bucket is counted, the process dies at the second
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' })
    revive()
    const pending = (await insightOf(id))?.p
    expect(pending).toBeDefined()
    expect(Object.keys(pending!.d).length).toBeGreaterThanOrEqual(2)
    expect(await storedRollups(h.store)).not.toEqual(await recountFromCases(h.store))

    // Younger than a minute: left to the process that may still be finishing it.
    expect((await runScheduledJobs(h.deps)).insightRollups).toMatchObject({ finished: 0 })
    h.clock.advance(2 * 60_000)
    expect((await runScheduledJobs(h.deps)).insightRollups).toMatchObject({ finished: 1, left: 0 })
    expect((await insightOf(id))?.p).toBeUndefined()
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
    // Running it again changes nothing.
    expect((await runScheduledJobs(h.deps)).insightRollups).toMatchObject({ finished: 0 })
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
  })

  it('the next change of the case finishes a pending difference first (no job needed)', async () => {
    const { store, failOn, revive } = await storeDyingMidFanOut()
    h = await createHarness({ now: NOW, store })
    const id = await submit(h, R1)
    failOn(1) // dies before any bucket is counted
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' })
    revive()
    expect((await insightOf(id))?.p).toBeDefined()
    await h.ok(R1, 'case.rate', { caseId: id, rating: 'satisfied' })
    expect((await insightOf(id))?.p).toBeUndefined()
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
  })

  it('applying a pending difference twice (and concurrently) counts once', async () => {
    const { store, failOn, revive } = await storeDyingMidFanOut()
    h = await createHarness({ now: NOW, store })
    const id = await submit(h, R1)
    failOn(1)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' })
    revive()
    const p = (await insightOf(id))!.p!
    const cases = inner(h.store).collection<CaseDoc & { insight?: CaseInsight }>('cases')
    const rollups = inner(h.store).collection<RollupDoc>('insight_rollups')
    const [bucket, counters] = Object.entries(decode(p.d))[0]
    expect(await applyOnce(rollups, bucket, counters, id, p.rev, Date.now())).toBe(true)
    expect(await applyOnce(rollups, bucket, counters, id, p.rev, Date.now())).toBe(false)
    await Promise.all([finishPending(cases, rollups, id, p, Date.now()), finishPending(cases, rollups, id, p, Date.now())])
    await finishPending(cases, rollups, id, p, Date.now())
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
  })

  it('markers of buckets untouched for an hour are pruned, and counting goes on correctly after', async () => {
    h = await createHarness({ now: NOW })
    const id = await submit(h, R1)
    const rollups = h.store.collection<RollupDoc>('insight_rollups')
    expect((await rollups.find({ mt: { $gt: 0 } }, { limit: 1000 })).length).toBeGreaterThan(0)
    h.clock.advance(2 * 3_600_000)
    const report = (await runScheduledJobs(h.deps)).insightRollups as { pruned: number }
    expect(report.pruned).toBeGreaterThan(0)
    expect(await rollups.find({ mt: { $gt: 0 } }, { limit: 1000 })).toEqual([])
    expect((await rollups.find({}, { limit: 1000 })).every((b) => b.m === undefined)).toBe(true)
    await h.ok(DEPUTY, 'case.answerOnSite', { caseId: id, answer: '已联系社区，路灯本周修复。' })
    expect(await storedRollups(h.store)).toEqual(await recountFromCases(h.store))
  })
})
