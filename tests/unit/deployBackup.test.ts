// The scheduled backup exports every collection of deploy/collections.json, waits for each job,
// and reports failures without stopping the others.
import path from 'node:path'
import { backupDatabase, type BackupTarget } from '../../scripts/deploy/backup'
import { readCollections } from '../../scripts/deploy/desired'

const repo = path.resolve(__dirname, '../..')

it('exports every collection to backups/<time>/<name>.json and reports a failed one', async () => {
  const started: Array<[string, string]> = []
  const polls = new Map<number, number>()
  const target: BackupTarget = {
    async startExport(collection, objectKey) {
      started.push([collection, objectKey])
      return started.length
    },
    async exportStatus(jobId) {
      const n = (polls.get(jobId) ?? 0) + 1
      polls.set(jobId, n)
      if (started[jobId - 1]![0] === 'audit_log') return { status: 'fail', records: 0, error: 'quota exceeded' }
      return n < 2 ? { status: 'writing', records: 0, error: null } : { status: 'success', records: jobId * 10, error: null }
    },
  }
  const report = await backupDatabase(target, repo, new Date('2026-12-03T02:00:00Z'), { pollMs: 1 })
  const names = readCollections(repo).map((c) => c.name)
  expect(started.map(([c]) => c)).toEqual(names)
  expect(report.prefix).toBe('backups/2026-12-03-02-00-00')
  expect(report.exported.map((e) => e.collection)).toEqual(names.filter((n) => n !== 'audit_log'))
  expect(report.exported[0]).toEqual({ collection: names[0], objectKey: `backups/2026-12-03-02-00-00/${names[0]}.json`, records: 10 })
  expect(report.failed).toEqual([{ collection: 'audit_log', error: 'quota exceeded' }])
})
