// Export for archives (归档导出): every night the timer writes the previous Shanghai day's public,
// anonymised cases (the Open311 record of each case raised that day, as it stands at export time)
// as JSON Lines and CSV to the archive store, and the office lists and downloads them. One
// document per day (`exports/<date>`) is claimed before writing and marked done after: a second
// run the same day, or a concurrent one, writes nothing more.
import { addDays, shanghaiDate, startOfShanghaiDay, type ExportView } from '@minyi/types'
import { isPublicCase, publicRequest, toCsv, toJsonLines } from '../../domain/partners/publicCase'
import type { ExportDoc, ExportFile, PartnerCaseDoc } from '../../domain/partners/records'
import type { Deps } from '../deps'
import { stationsById } from '../shared/lookups'
import { peopleNames } from '../partners/peopleNames'

/** A claim older than this is taken to be a crashed run and taken over. */
const STALE_CLAIM_MS = 15 * 60_000
const BATCH = 500

export interface ExportJobReport {
  date: string
  result: 'written' | 'already_done' | 'in_progress' | 'no_storage'
  count?: number
}

async function claim(deps: Deps, date: string, now: Date): Promise<'claimed' | 'already_done' | 'in_progress'> {
  const exports = deps.store.collection<ExportDoc>('exports')
  const doc: ExportDoc = { _id: date, status: 'running', startedAt: now.toISOString(), finishedAt: null, count: 0, files: [] }
  if (await exports.insert(doc)) return 'claimed'
  const existing = await exports.get(date)
  if (!existing || existing.status === 'done') return 'already_done'
  if (now.getTime() - Date.parse(existing.startedAt) < STALE_CLAIM_MS) return 'in_progress'
  const taken = await exports.update({ _id: date, status: 'running', startedAt: existing.startedAt }, { set: { startedAt: now.toISOString() } })
  return taken === 1 ? 'claimed' : 'in_progress'
}

/** The public cases raised on a Shanghai day, oldest first. */
async function casesOfDay(deps: Deps, date: string): Promise<PartnerCaseDoc[]> {
  const from = startOfShanghaiDay(date).toISOString()
  const to = startOfShanghaiDay(addDays(date, 1)).toISOString()
  const cases = deps.store.collection<PartnerCaseDoc>('cases')
  const all: PartnerCaseDoc[] = []
  for (let skip = 0; ; skip += BATCH) {
    const page = await cases.find({ createdAt: { $gte: from, $lt: to }, contentCheck: 'pass' }, { sort: [['createdAt', 1], ['_id', 1]], skip, limit: BATCH })
    all.push(...page)
    if (page.length < BATCH) break
  }
  return all.filter(isPublicCase)
}

export async function exportDay(deps: Deps, date: string): Promise<ExportJobReport> {
  if (!deps.archive) return { date, result: 'no_storage' }
  const now = deps.clock.now()
  const claimed = await claim(deps, date, now)
  if (claimed !== 'claimed') return { date, result: claimed }
  const docs = await casesOfDay(deps, date)
  const stations = await stationsById(deps.store, docs.map((d) => d.stationId))
  const names = await peopleNames(deps, docs)
  const rows = docs.map((d) => publicRequest(d, stations.get(d.stationId)?.name ?? '', names.get(d._id)))
  const files: ExportFile[] = []
  for (const [format, body, type] of [
    ['jsonl', toJsonLines(rows), 'application/x-ndjson; charset=utf-8'],
    ['csv', toCsv(rows), 'text/csv; charset=utf-8'],
  ] as const) {
    const name = `minyi-cases-${date}.${format}`
    // Same name every run: a run that crashed half-way and is taken over overwrites, never adds.
    const stored = await deps.archive.put(name, Buffer.from(body, 'utf8'), type)
    files.push({ format, name, fileId: stored.fileId, size: stored.size })
  }
  await deps.store
    .collection<ExportDoc>('exports')
    .update({ _id: date, status: 'running' }, { set: { status: 'done', finishedAt: deps.clock.now().toISOString(), count: rows.length, files } })
  return { date, result: 'written', count: rows.length }
}

/** The nightly job: the previous Shanghai day, once. */
export function runExportJob(deps: Deps): Promise<ExportJobReport> {
  return exportDay(deps, addDays(shanghaiDate(deps.clock.now()), -1))
}

export async function listExports(deps: Deps, limit: number): Promise<{ exports: ExportView[] }> {
  const docs = await deps.store.collection<ExportDoc>('exports').find({}, { sort: [['_id', -1]], limit })
  const exports: ExportView[] = []
  for (const d of docs) {
    const files = []
    for (const f of d.files) {
      const downloadUrl = deps.archive ? await deps.archive.downloadUrl(f.fileId).catch(() => null) : null
      files.push({ format: f.format, name: f.name, size: f.size, downloadUrl })
    }
    exports.push({ date: d._id, status: d.status, count: d.count, files, finishedAt: d.finishedAt })
  }
  return { exports }
}
