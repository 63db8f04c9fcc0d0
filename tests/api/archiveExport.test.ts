// The nightly archive export (issue 12), with a controlled clock: the previous Shanghai day's
// public, anonymised cases as JSON Lines and CSV, once per day whatever the number of runs,
// listed for the office with a short-lived download address.
import fs from 'node:fs'
import path from 'node:path'
import { exportDay, runExportJob } from '../../cloudfunctions/core/application/exports/archiveExport'
import { runScheduledJobs } from '../../cloudfunctions/core/jobs/scheduledJobs'
import type { ExportDoc } from '../../cloudfunctions/core/domain/partners/records'
import { createHarness, type Harness } from '../support/apiHarness'
import { submit } from './caseFixtures'

let h: Harness
afterEach(() => h?.close())

const ADMIN = 'dev-admin-1'
const STAFF = 'dev-staff-1'
const at = (shanghai: string) => h.clock.set(new Date(`${shanghai}+08:00`).toISOString())

async function dayOfCases() {
  h = await createHarness({ now: '2026-11-22T16:00:00.000Z' }) // 2026-11-23 00:00 in Shanghai
  at('2026-11-23T00:00:00')
  await submit(h, 'dev-resident-1', { content: '湖滨路口红绿灯太短，我是刘阿姨，电话13800138000。', phone: '13800138000', place: '望湖花园3幢' })
  at('2026-11-23T12:30:00')
  const replied = await submit(h, 'dev-resident-2', { content: '小区门口路灯不亮，晚上出行不便，请修一下。', category: 'utilities' })
  await h.ok(STAFF, 'case.answerOnSite', { caseId: replied, answer: '已联系路灯所维修。' })
  await submit(h, 'dev-resident-2', { content: '物业就是一群王八蛋，电梯坏了三个月没人修。', category: 'housing' }) // flagged for review: not public
  at('2026-11-23T23:59:59')
  await submit(h, 'dev-resident-1', { content: '望湖路人行道砖块松动，老人容易绊倒。' })
  at('2026-11-24T00:00:01')
  await submit(h, 'dev-resident-1', { content: '次日的民意：菜场门口垃圾清运不及时。', category: 'environment' })
}

describe('nightly archive export', () => {
  it('writes yesterday’s public cases (Shanghai day) as JSON Lines and CSV, anonymised', async () => {
    await dayOfCases()
    at('2026-11-24T00:10:00')
    expect(await runExportJob(h.deps)).toEqual({ date: '2026-11-23', result: 'written', count: 3 })
    const dir = h.archive.root
    expect(fs.readdirSync(dir).sort()).toEqual(['minyi-cases-2026-11-23.csv', 'minyi-cases-2026-11-23.jsonl'])
    const lines = fs.readFileSync(path.join(dir, 'minyi-cases-2026-11-23.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>)
    expect(lines.map((l) => l.requested_datetime)).toEqual(['2026-11-23T00:00:00+08:00', '2026-11-23T12:30:00+08:00', '2026-11-23T23:59:59+08:00'])
    expect(lines[0]).toMatchObject({ description: '湖滨路口红绿灯太短，我是***，电话***********。', address: '望湖花园*幢', status: 'open', media_url: null })
    expect(lines[1]).toMatchObject({ status: 'closed', service_code: 'utilities' })
    const csv = fs.readFileSync(path.join(dir, 'minyi-cases-2026-11-23.csv'), 'utf8')
    expect(csv.startsWith('\uFEFFservice_request_id,status,status_notes,service_name,service_code,description')).toBe(true)
    expect(csv.trim().split('\r\n')).toHaveLength(4)
    const both = csv + JSON.stringify(lines)
    for (const personal of ['13800138000', '刘阿姨', '周大伯', 'dev-resident', 'c_', '王八蛋', '次日的民意']) expect({ personal, found: both.includes(personal) }).toEqual({ personal, found: false })
  })

  it('is idempotent per day: more runs that day (or concurrent ones) write nothing more', async () => {
    await dayOfCases()
    at('2026-11-24T00:10:00')
    const [a, b] = await Promise.all([exportDay(h.deps, '2026-11-23'), exportDay(h.deps, '2026-11-23')])
    expect([a.result, b.result].sort()).toEqual(['in_progress', 'written'])
    const file = path.join(h.archive.root, 'minyi-cases-2026-11-23.jsonl')
    const first = fs.statSync(file).mtimeMs
    at('2026-11-24T03:00:00')
    expect(await runExportJob(h.deps)).toEqual({ date: '2026-11-23', result: 'already_done' })
    const report = await runScheduledJobs(h.deps)
    expect(report.archiveExport).toEqual({ date: '2026-11-23', result: 'already_done' })
    expect(fs.statSync(file).mtimeMs).toBe(first)
    expect(await h.store.collection('exports').count({})).toBe(1)
    // The next night exports the next day.
    at('2026-11-25T00:05:00')
    expect(await runExportJob(h.deps)).toEqual({ date: '2026-11-24', result: 'written', count: 1 })
  })

  it('a claim left by a crashed run is taken over after 15 minutes', async () => {
    await dayOfCases()
    at('2026-11-24T00:10:00')
    await h.store.collection<ExportDoc>('exports').insert({ _id: '2026-11-23', status: 'running', startedAt: h.clock.now().toISOString(), finishedAt: null, count: 0, files: [] })
    expect((await runExportJob(h.deps)).result).toBe('in_progress')
    h.clock.advance(16 * 60_000)
    expect(await runExportJob(h.deps)).toEqual({ date: '2026-11-23', result: 'written', count: 3 })
  })

  it('is listed for the office with a download address that works for a while only', async () => {
    await dayOfCases()
    at('2026-11-24T00:10:00')
    await runExportJob(h.deps)
    const { exports } = await h.ok(ADMIN, 'admin.export.list', {})
    expect(exports).toHaveLength(1)
    expect(exports[0]).toMatchObject({ date: '2026-11-23', status: 'done', count: 3 })
    const csv = exports[0].files.find((f) => f.format === 'csv')!
    expect(csv.name).toBe('minyi-cases-2026-11-23.csv')
    const url = new URL(csv.downloadUrl!, 'http://127.0.0.1')
    expect(url.pathname).toBe('/files/exports/minyi-cases-2026-11-23.csv')
    const bytes = await h.archive.read('minyi-cases-2026-11-23.csv', url.searchParams)
    expect(bytes?.length).toBe(csv.size)
    expect(await h.archive.read('minyi-cases-2026-11-23.jsonl', url.searchParams)).toBeNull()
    h.clock.advance(11 * 60_000)
    expect(await h.archive.read('minyi-cases-2026-11-23.csv', url.searchParams)).toBeNull()
    expect((await h.call(STAFF, 'admin.export.list', {})).ok).toBe(false)
  })
})
